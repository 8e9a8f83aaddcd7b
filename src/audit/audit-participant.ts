// The audit in every command an @Audited request runs: one entry per process instance it changes, in the command's transaction.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandContext, type CommandParticipant } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { AuditService } from './audit.service';

@Injectable()
@CommandParticipation()
export class AuditParticipant implements CommandParticipant {
  readonly name = 'audit';
  // After the history rows (Record) and their outbox events: the entry is the last thing the command writes.
  readonly phase = Phase.Record + 50;

  constructor(private readonly audit: AuditService) {}

  onRun(ctx: CommandContext): Promise<void> {
    return this.entry(ctx);
  }

  onCancel(ctx: CommandContext): Promise<void> {
    return this.entry(ctx);
  }

  onRecord(ctx: CommandContext): Promise<void> {
    return this.entry(ctx);
  }

  private entry(ctx: CommandContext): Promise<void> {
    return this.audit.forRequest(ctx.em, { targetType: 'process-instance', targetId: ctx.instance.id, detail: { definitionKey: ctx.instance.definitionKey, version: ctx.instance.definitionVersion } });
  }
}
