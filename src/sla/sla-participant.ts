// SLA clocks in every command: started, paused, retargeted and stopped from the command's outcome; cancel ends them.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { modelMayHold } from '../commands/prior-waits.util';
import { SlaTracker } from './sla-tracker';

@Injectable()
@CommandParticipation()
export class SlaParticipant implements CommandParticipant {
  readonly name = 'sla clocks';
  // After escalations, as before: its entries close the command's history of reactions.
  readonly phase = Phase.React + 10;

  constructor(private readonly sla: SlaTracker) {}

  async onRun({ em, instance, model, result, now, newInstance, prior, history, defer }: RunContext): Promise<void> {
    // Clocks start only at elements naming a policy: a model without one has no clock to read (nor to start).
    if (!modelMayHold({ model, prior, test: (e) => !!e.slaPolicy })) return;
    const view = { instanceId: instance.id, model, variables: result.variables, activeActivityIds: result.activeActivityIds, ended: result.completed, history: [...history], newInstance };
    history.push(...(await this.sla.reconcile(em, view, now, defer)));
  }

  async onCancel({ em, instance, model, now, history, defer }: CancelContext): Promise<void> {
    const view = { instanceId: instance.id, model, variables: instance.variables, activeActivityIds: [], ended: true, cancelled: true, history: [...history] };
    history.push(...(await this.sla.reconcile(em, view, now, defer)));
  }
}
