// "No stuck instance" in every command: after every row is written, each active token must be backed, else the command fails.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../../commands/command-context';
import { CommandParticipants } from '../../commands/command-participants';
import { TokenBackers } from './token-backers';

@Injectable()
export class BackingParticipant implements CommandParticipant, OnModuleInit {
  readonly name = 'no stuck instance';
  readonly phase = Phase.Check;

  constructor(
    private readonly backers: TokenBackers,
    private readonly participants: CommandParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async onRun({ em, instance, model, result }: RunContext): Promise<void> {
    if (!result.completed) await this.backers.assertBacked(em, { instanceId: instance.id, model, activeActivityIds: result.activeActivityIds });
  }
}
