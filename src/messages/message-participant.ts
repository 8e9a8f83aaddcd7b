// Message subscriptions in every command: one row per waiting message catch; cancel drops them.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { SubscriptionRepository } from '../instances/subscription.repository';

@Injectable()
@CommandParticipation()
export class MessageParticipant implements CommandParticipant {
  readonly name = 'message subscriptions';
  readonly phase = Phase.Rows + 20;

  constructor(private readonly subscriptions: SubscriptionRepository) {}

  async onRun({ em, instance, result, now, newInstance }: RunContext): Promise<void> {
    await this.subscriptions.reconcile(em, instance.id, result.messages, now, newInstance);
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.subscriptions.deleteForInstance(em, instance.id);
  }
}
