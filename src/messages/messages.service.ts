// Correlates a named message to the active instances waiting for it (by business key or instance id). Only messages
// the diagram lets integrators send are delivered here; internal ones (the survey answer) are refused with 403.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ElementInfo } from '../engine/definition-model';
import { EventStarts } from '../instances/event-starts';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { DefinitionCache } from '../definitions/definition-cache';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { CorrelateMessageDto } from './dto/message.dto';
import { isPublicMessage, PLATFORM_MESSAGES } from './message-visibility.util';
import { DataIncidents } from '../incidents/data-incidents';

function internalMessage(name: string): DomainError {
  return new DomainError(ErrorCode.Forbidden, `message "${name}" is internal to its process: the platform sends it itself, integrators cannot (only messages marked public in the diagram may be sent here)`);
}

/** Thrown inside a delivery (rolling it back) when the waiting element's message is internal. */
class InternalMessage extends Error {}

@Injectable()
export class MessagesService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly commands: InstanceCommandsService,
    private readonly definitions: DefinitionCache,
    private readonly clock: Clock,
    private readonly starts: EventStarts,
    private readonly db: DataSource,
    private readonly dataIncidents: DataIncidents,
  ) {}

  async correlate(dto: CorrelateMessageDto): Promise<{ processInstanceIds: string[] }> {
    if (PLATFORM_MESSAGES.includes(dto.messageName)) throw internalMessage(dto.messageName);
    const target = { businessKey: dto.businessKey, processInstanceId: dto.processInstanceId };
    const found = await this.subscriptions.find(dto.messageName, target);
    const instanceIds = [...new Set(found.map((s) => s.instanceId))];
    const delivered: string[] = [];
    let internal = 0;
    for (const instanceId of instanceIds) {
      const ok = await this.deliver(instanceId, dto).catch((err) => {
        if (err instanceof InternalMessage) {
          internal++;
          return false;
        }
        if (err instanceof DomainError && err.code === ErrorCode.Conflict) return false; // finished or consumed meanwhile
        throw err;
      });
      if (ok) delivered.push(instanceId);
    }
    if (!delivered.length && internal) throw internalMessage(dto.messageName);
    // No instance waits for it: a process with that message start event is started (as in Camunda's correlation).
    if (!delivered.length && !dto.processInstanceId) delivered.push(...(await this.startOn(dto)));
    if (!delivered.length) {
      const who = dto.processInstanceId ? `process instance ${dto.processInstanceId}` : `business key "${dto.businessKey}"`;
      throw new DomainError(ErrorCode.NotFound, `no active process instance with ${who} is waiting for message "${dto.messageName}"`);
    }
    return { processInstanceIds: delivered };
  }

  private startOn(dto: CorrelateMessageDto): Promise<string[]> {
    const accept = (start: ElementInfo) => isPublicMessage({ messageName: dto.messageName, element: start });
    const args = { kind: 'message' as const, name: dto.messageName, variables: dto.variables ?? {}, businessKey: dto.businessKey ?? null, now: this.clock.now(), accept };
    return this.commands.transaction((em) => this.starts.start(em, args, this.commands.eventStarter));
  }

  private async deliver(instanceId: string, dto: CorrelateMessageDto): Promise<boolean> {
    let waiting: { activityId: string; executionId: string } | undefined;
    const run = this.commands.execute(instanceId, async (instance, em) => {
      const sub = await this.subscriptions.findIn(em, instanceId, dto.messageName);
      if (!sub) throw new DomainError(ErrorCode.Conflict, 'no longer waiting');
      waiting = { activityId: sub.activityId, executionId: sub.executionId };
      const { model } = await this.definitions.get(instance.definitionId);
      if (!isPublicMessage({ messageName: dto.messageName, element: model.elements[sub.activityId] })) throw new InternalMessage();
      return {
        action: { type: 'signal', activityId: sub.activityId, executionId: sub.executionId, messageId: sub.messageId, variables: dto.variables },
        history: [{ at: this.clock.now(), type: 'message.correlated', activityId: sub.activityId, detail: { messageName: dto.messageName, variables: dto.variables ?? {} } }],
      };
    });
    // A delivery that fails on data (e.g. the next timer's expression) becomes an incident a supervisor fixes and retries.
    const failed = (err: unknown) => (waiting ? this.dataIncidents.onMessageFailed(err, { instanceId, ...waiting, messageName: dto.messageName, variables: dto.variables ?? {} }) : err);
    await run.catch(async (err) => Promise.reject(await failed(err)));
    return true;
  }
}
