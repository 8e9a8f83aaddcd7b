// History in every command: the command's entries, in order, as rows of the instance's history (one insert, deferred).
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandContext, type CommandParticipant } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { HistoryRepository } from './history.repository';

@Injectable()
@CommandParticipation()
export class HistoryParticipant implements CommandParticipant {
  readonly name = 'history';
  readonly phase = Phase.Record;

  constructor(private readonly history: HistoryRepository) {}

  async onRun(ctx: CommandContext): Promise<void> {
    this.write(ctx);
  }

  async onRecord(ctx: CommandContext): Promise<void> {
    this.write(ctx);
  }

  async onCancel(ctx: CancelContext): Promise<void> {
    ctx.history.push({ at: ctx.now, type: 'instance.cancelled', activityId: null, detail: { reason: ctx.reason } });
    this.write(ctx);
  }

  /** Sent with the outbox rows, in one statement after the last participant (no participant reads history rows back). */
  private write(ctx: CommandContext): void {
    ctx.defer(this.history.appendWrite(ctx.instance.id, ctx.history));
  }
}
