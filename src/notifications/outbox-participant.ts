// The outbox in every command: events built from the command's history, written in its transaction (after the history).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CommandContext, type CommandParticipant } from '../commands/command-context';
import { CommandParticipants } from '../commands/command-participants';
import { OutboxRepository } from './outbox.repository';
import { toOutboxEvents } from './outbox-events.util';

@Injectable()
export class OutboxParticipant implements CommandParticipant, OnModuleInit {
  readonly name = 'outbox';
  readonly phase = Phase.Record + 10;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly participants: CommandParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

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
