// Incidents at a call activity (a child's BPMN error no boundary caught): retry calls the process again, resolve
// completes the call by hand with the variables the child would have returned.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { IncidentEntity } from '../database/entities/incident.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import type { HistoryItem } from '../engine/run-types';
import { IncidentRepository } from '../incidents/incident.repository';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from './instance.repository';

@Injectable()
export class CallIncidents {
  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
    private readonly incidents: IncidentRepository,
    private readonly cache: DefinitionCache,
    private readonly clock: Clock,
  ) {}

  /** Whether the incident is at a call activity (and so handled here). */
  async isCall(incident: IncidentEntity): Promise<boolean> {
    const instance = await this.instances.findById(incident.instanceId);
    if (!instance) return false;
    return (await this.cache.get(instance.definitionId)).model.elements[incident.activityId]?.type === 'bpmn:CallActivity';
  }

  /** The incident closes and the call, still waiting, starts a new child in the same command (see CallActivities.reconcile). */
  async retry(incident: IncidentEntity): Promise<void> {
    await this.commands.execute(incident.instanceId, async (_instance, em) => ({ action: { type: 'resume' }, history: await this.close(em, incident, 'retried: the called process is started again') }));
  }

  async resolve(incident: IncidentEntity, note: string, variables: Record<string, unknown>): Promise<void> {
    await this.commands.execute(incident.instanceId, async (_instance, em) => ({
      action: { type: 'signal', activityId: incident.activityId, executionId: incident.executionId, variables },
      history: await this.close(em, incident, `resolved by hand: ${note}`),
    }));
  }

  private async close(em: EntityManager, incident: IncidentEntity, resolution: string): Promise<HistoryItem[]> {
    const now = this.clock.now();
    await this.incidents.update(em, incident, { status: 'resolved', resolvedAt: now, updatedAt: now, nextRetryAt: null, resolution });
    return [{ at: now, type: 'incident.resolved', activityId: incident.activityId, detail: { incidentId: incident.id, resolution, role: 'supervisor' } }];
  }
}
