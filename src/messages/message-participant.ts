// Message subscriptions in every command: one row per waiting message catch; cancel drops them.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { mayHaveWaited } from '../commands/prior-waits.util';
import { SubscriptionRepository } from '../instances/subscription.repository';

@Injectable()
@CommandParticipation()
export class MessageParticipant implements CommandParticipant {
  readonly name = 'message subscriptions';
  readonly phase = Phase.Rows + 20;

  constructor(private readonly subscriptions: SubscriptionRepository) {}

  async onRun({ em, instance, model, result, now, newInstance, prior }: RunContext): Promise<void> {
    // No message catch waited before: there is no subscription to drop (nothing to send when none waits now either).
    const none = newInstance || !mayHaveWaited({ model, prior, test: (e) => !!e.messageName });
    await this.subscriptions.reconcile(em, instance.id, result.messages, now, none);
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.subscriptions.deleteForInstance(em, instance.id);
  }
}
