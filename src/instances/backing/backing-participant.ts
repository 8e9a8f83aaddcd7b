// "No stuck instance" in every command: after every row is written, each active token must be backed, else the command fails.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../../commands/command-context';
import { CommandParticipation } from '../../commands/command-participants';
import { TokenBackers } from './token-backers';

@Injectable()
@CommandParticipation()
export class BackingParticipant implements CommandParticipant {
  readonly name = 'no stuck instance';
  readonly phase = Phase.Check;

  constructor(private readonly backers: TokenBackers) {}

  async onRun({ em, instance, model, result }: RunContext): Promise<void> {
    if (!result.completed) await this.backers.assertBacked(em, { instanceId: instance.id, model, activeActivityIds: result.activeActivityIds });
  }
}
