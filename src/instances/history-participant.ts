// History in every command: the command's entries, in order, as rows of the instance's history (one insert).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CancelContext, type CommandContext, type CommandParticipant } from '../commands/command-context';
import { CommandParticipants } from '../commands/command-participants';
import { HistoryRepository } from './history.repository';

@Injectable()
export class HistoryParticipant implements CommandParticipant, OnModuleInit {
  readonly name = 'history';
  readonly phase = Phase.Record;

  constructor(
    private readonly history: HistoryRepository,
    private readonly participants: CommandParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

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
