// Incidents in every command: handler failures become incidents (retries, backoff, resolution); cancel closes them.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { IncidentPolicy } from './incident-policy';
import { IncidentRepository } from './incident.repository';

@Injectable()
@CommandParticipation()
export class IncidentParticipant implements CommandParticipant {
  readonly name = 'incidents';
  // Last of the rows: an open incident backs a failed token, and its history follows the command's own.
  readonly phase = Phase.Rows + 90;
  readonly holdsSql = IncidentRepository.UNRESOLVED_EXISTS;

  constructor(private readonly incidents: IncidentPolicy) {}

  async onRun(ctx: RunContext): Promise<void> {
    const { em, instance, result, now, resolution, newInstance, history } = ctx;
    // None unresolved when the instance was locked, and no failure now: nothing to open, count or resolve.
    if (!result.failures.length && resolution === undefined && !ctx.holds(this)) return;
    history.push(...(await this.incidents.reconcile(em, { instanceId: instance.id, failures: result.failures, activeActivityIds: result.activeActivityIds, now, resolution, newInstance })));
  }

  async onCancel({ em, instance, now, reason }: CancelContext): Promise<void> {
    await this.incidents.closeForInstance(em, instance.id, now, `instance cancelled: ${reason}`);
  }
}
