// Escalations in every command: escalation events open records, closed tasks resolve theirs.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipants } from '../commands/command-participants';
import { EscalationPolicy } from './escalation-policy';

@Injectable()
export class EscalationParticipant implements CommandParticipant, OnModuleInit {
  readonly name = 'escalations';
  readonly phase = Phase.React;

  constructor(
    private readonly escalations: EscalationPolicy,
    private readonly participants: CommandParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async onRun({ em, instance, now, history }: RunContext): Promise<void> {
    history.push(...(await this.escalations.reconcile(em, instance.id, [...history], now)));
  }
}
