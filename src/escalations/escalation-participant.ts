// Escalations in every command: escalation events open records, closed tasks resolve theirs.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { EscalationPolicy } from './escalation-policy';
import { EscalationRepository } from './escalation.repository';

@Injectable()
@CommandParticipation()
export class EscalationParticipant implements CommandParticipant {
  readonly name = 'escalations';
  readonly phase = Phase.React;
  readonly holdsSql = EscalationRepository.UNRESOLVED_EXISTS;

  constructor(private readonly escalations: EscalationPolicy) {}

  async onRun(ctx: RunContext): Promise<void> {
    const { em, instance, now, history } = ctx;
    // With none unresolved when the instance was locked, only this command's escalation events can open records.
    history.push(...(await this.escalations.reconcile(em, instance.id, [...history], now, ctx.holds(this))));
  }
}
