// Incidents for people: list, retry now (after fixing the cause), or resolve by completing the task by hand.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { IncidentQueryDto, mapIncident, mapIncidentRow, ResolveIncidentDto, RetryIncidentDto } from './dto/incident.dto';
import { IncidentSearchRepository } from './incident-search.repository';
import { DataIncidents } from './data-incidents';
import { CallIncidents } from '../instances/call-incidents';
import { Clock } from '../common/clock';
import { ExternalTaskOutcomes } from '../external-tasks/external-task-outcomes.service';
import { WebhookDeliveryRepository } from '../notifications/webhooks/webhook-delivery.repository';
import { WEBHOOK_INCIDENT_PREFIX } from '../notifications/webhooks/webhook-incidents';
import { IncidentRepository } from './incident.repository';
import type { IncidentEntity } from '../database/entities';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly commands: InstanceCommandsService,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
    private readonly externalTasks: ExternalTaskOutcomes,
    private readonly dataIncidents: DataIncidents,
    private readonly calls: CallIncidents,
    private readonly search: IncidentSearchRepository,
  ) {}

  async list(query: IncidentQueryDto): Promise<Page<ReturnType<typeof mapIncidentRow>>> {
    const createdBefore = query.olderThanMinutes === undefined ? undefined : new Date(this.clock.now().getTime() - query.olderThanMinutes * 60_000);
    return toPage(await this.search.search({ ...query, kind: query.type, createdBefore }), query, mapIncidentRow);
  }

  async get(id: string) {
    return mapIncident(await this.find(id));
  }

  /** Runs the failed handler again now; the incident is resolved if it succeeds, or counts one more attempt. */
  async retry(id: string, dto: RetryIncidentDto = {}) {
    const incident = await this.unresolved(id);
    if (incident.command) return this.dataIncidents.retry(incident, dto.variables ?? {}).then(() => this.get(id));
    if (dto.variables) throw new DomainError(ErrorCode.Invalid, 'corrected variables apply to an incident of a command that failed on data (a task completion, a timer, a message) only');
    if (incident.executionId.startsWith(WEBHOOK_INCIDENT_PREFIX)) return this.retryWebhook(incident);
    if (await this.externalTasks.retryIncident(incident)) return this.get(id); // an external task: fetchable again
    if (await this.calls.isCall(incident)) return this.calls.retry(incident).then(() => this.get(id)); // a child's error: call again
    await this.commands.execute(incident.instanceId, async () => ({ action: { type: 'resume' } }));
    return this.get(id);
  }

  /** Completes the failed service task without its handler (someone did the work by hand). */
  async resolve(id: string, dto: ResolveIncidentDto) {
    const incident = await this.unresolved(id);
    // A parked timer has nothing to do by hand: closing its incident would leave the token on a timer that never fires.
    if (incident.command?.type === 'fireTimer') throw new DomainError(ErrorCode.Conflict, `incident ${id} holds a timer that failed on data: retry it with the corrected variables (POST /api/incidents/${id}/retry {variables}), or cancel the instance`);
    // A webhook, a failed completion (its task stays open for the worker) or message (the instance still waits): closed by hand.
    if (incident.executionId.startsWith(WEBHOOK_INCIDENT_PREFIX) || incident.command) {
      // In a command transaction, so the request's audit entry commits with the change.
      await this.commands.transaction((em) => this.incidents.update(em, incident, { status: 'resolved', resolvedAt: this.clock.now(), updatedAt: this.clock.now(), resolution: `resolved by hand: ${dto.note}` }));
      return this.get(id);
    }
    if (await this.calls.isCall(incident)) return this.calls.resolve(incident, dto.note, dto.variables ?? {}).then(() => this.get(id));
    await this.commands.execute(incident.instanceId, async () => ({
      action: { type: 'resume', skip: { executionId: incident.executionId, variables: dto.variables ?? {} } },
      resolution: `resolved by hand: ${dto.note}`,
    }));
    return this.get(id);
  }

  /** A failed webhook: its delivery is queued again (a fresh set of attempts); failing for good again opens a new incident. */
  private async retryWebhook(incident: IncidentEntity) {
    const { id, executionId } = incident;
    await this.deliveries.requeue(executionId.slice(WEBHOOK_INCIDENT_PREFIX.length), this.clock.now());
    await this.commands.transaction((em) => this.incidents.update(em, incident, { status: 'resolved', resolvedAt: this.clock.now(), updatedAt: this.clock.now(), resolution: 'webhook delivery queued again' }));
    return this.get(id);
  }

  private async unresolved(id: string) {
    const incident = await this.find(id);
    if (incident.status === 'resolved') throw new DomainError(ErrorCode.Conflict, `incident ${id} is already resolved`);
    return incident;
  }

  private async find(id: string) {
    const incident = await this.incidents.findById(id);
    if (!incident) throw DomainError.notFound('Incident', id);
    return incident;
  }
}
