// History in every command: the command's entries, in order, as rows of the instance's history (one insert).
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

  onRun(ctx: CommandContext): Promise<void> {
    return this.history.append(ctx.em, ctx.instance.id, ctx.history);
  }

  onRecord(ctx: CommandContext): Promise<void> {
    return this.history.append(ctx.em, ctx.instance.id, ctx.history);
  }

  onCancel(ctx: CancelContext): Promise<void> {
    ctx.history.push({ at: ctx.now, type: 'instance.cancelled', activityId: null, detail: { reason: ctx.reason } });
    return this.history.append(ctx.em, ctx.instance.id, ctx.history);
  }
}
