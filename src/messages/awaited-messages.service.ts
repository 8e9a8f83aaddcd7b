// The messages an instance waits for that people may send from the screen (e.g. "parts arrived"): public messages of
// its diagram, offered to the roles that may correlate (the same rule and visibility as POST /api/messages).
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { DefinitionCache } from '../definitions/definition-cache';
import { InstanceRepository } from '../instances/instance.repository';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { isPublicMessage } from './message-visibility.util';

@Injectable()
export class AwaitedMessagesService {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly definitions: DefinitionCache,
  ) {}

  async forInstance(processInstanceId: string): Promise<{ messageName: string; activityId: string; activityName: string | null; activityNames: Record<string, string> | null }[]> {
    const instance = await this.instances.findById(processInstanceId);
    if (!instance) throw DomainError.notFound('Process instance', processInstanceId);
    if (instance.status !== 'active') return [];
    const { model } = await this.definitions.get(instance.definitionId);
    const waiting = await this.subscriptions.forInstance(processInstanceId);
    return waiting
      .filter((s) => isPublicMessage({ messageName: s.messageName, element: model.elements[s.activityId] }))
      .map((s) => ({ messageName: s.messageName, activityId: s.activityId, activityName: model.elements[s.activityId]?.name ?? null, activityNames: model.elements[s.activityId]?.names ?? null }));
  }
}
