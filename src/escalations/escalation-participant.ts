// Escalations in every command: escalation events open records, closed tasks resolve theirs.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { EscalationPolicy } from './escalation-policy';

@Injectable()
@CommandParticipation()
export class EscalationParticipant implements CommandParticipant {
  readonly name = 'escalations';
  readonly phase = Phase.React;

  constructor(private readonly escalations: EscalationPolicy) {}

  async onRun({ em, instance, now, history }: RunContext): Promise<void> {
    history.push(...(await this.escalations.reconcile(em, instance.id, [...history], now)));
  }
}
