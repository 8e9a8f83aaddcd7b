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

  async onRun(ctx: CommandContext): Promise<void> {
    this.publish(ctx);
  }

  async onCancel(ctx: CommandContext): Promise<void> {
    this.publish(ctx);
  }

  async onRecord(ctx: CommandContext): Promise<void> {
    this.publish(ctx);
  }

  /** One insert of the instance's events (ids in the history's order), sent with the history rows in one statement. */
  private publish({ instance, model, history, defer }: CommandContext): void {
    defer(this.outbox.instanceWrite(toOutboxEvents({ instance, model, history })));
  }
}
