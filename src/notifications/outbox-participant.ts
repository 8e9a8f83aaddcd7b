// The outbox in every command: events built from the command's history, written in its transaction (after the history).
import { Injectable } from '@nestjs/common';
import { Phase, type CommandContext, type CommandParticipant } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { OutboxRepository } from './outbox.repository';
import { toOutboxEvents } from './outbox-events.util';

@Injectable()
@CommandParticipation()
export class OutboxParticipant implements CommandParticipant {
  readonly name = 'outbox';
  readonly phase = Phase.Record + 10;

  constructor(private readonly outbox: OutboxRepository) {}

  onRun(ctx: CommandContext): Promise<void> {
    return this.publish(ctx);
  }

  onCancel(ctx: CommandContext): Promise<void> {
    return this.publish(ctx);
  }

  onRecord(ctx: CommandContext): Promise<void> {
    return this.publish(ctx);
  }

  private publish({ em, instance, model, history }: CommandContext): Promise<void> {
    return this.outbox.append(em, toOutboxEvents({ instance, model, history }));
  }
}
