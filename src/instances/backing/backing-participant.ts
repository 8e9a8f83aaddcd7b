// "No stuck instance" in every command: after every row is written, each active token must be backed, else the command fails.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../../commands/command-context';
import { CommandParticipation } from '../../commands/command-participants';
import type { RunResult } from '../../engine/run-types';
import { TokenBackers } from './token-backers';

@Injectable()
@CommandParticipation()
export class BackingParticipant implements CommandParticipant {
  readonly name = 'no stuck instance';
  readonly phase = Phase.Check;

  constructor(private readonly backers: TokenBackers) {}

  async onRun({ em, instance, model, result }: RunContext): Promise<void> {
    if (!result.completed) await this.backers.assertBacked(em, { instanceId: instance.id, model, activeActivityIds: result.activeActivityIds, backedByRun: backedByRun(result) });
  }
}

/**
 * The activities the run itself left a backing wait at, which the row participants (earlier phases) have just written
 * as rows of this transaction: a user task, a timer, a message or signal catch, an external task, a failure (a call
 * activity is left to the query: whether its child backs it depends on rows of the child).
 */
function backedByRun(result: RunResult): Set<string> {
  const waits = [result.userTasks, result.timers, result.messages, result.signals, result.externalTasks, result.failures];
  return new Set(waits.flatMap((list) => list.map((w) => w.activityId)));
}
