// Turns a command's handler failures into incident rows: new ones, failed retries with backoff, exhausted ones
// left for a person, and resolution when the service task got past its handler.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { ServiceFailure } from '../engine/engine-extension';
import type { HistoryItem } from '../engine/run-types';
import { WEBHOOK_INCIDENT_PREFIX } from '../notifications/webhooks/webhook-incidents';
import { IncidentRepository } from './incident.repository';

const MAX_BACKOFF_MS = 3600_000;

@Injectable()
export class IncidentPolicy {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly config: AppConfig,
  ) {}

  /** `activeActivityIds` are the instance's waits after the command; `resolution` names why an incident was closed. */
  async reconcile(em: EntityManager, args: { instanceId: string; failures: ServiceFailure[]; activeActivityIds: string[]; now: Date; resolution?: string; newInstance?: boolean }): Promise<HistoryItem[]> {
    const { instanceId, failures, now } = args;
    const history: HistoryItem[] = [];
    const existing = args.newInstance ? [] : await this.incidents.unresolvedIn(em, instanceId); // a new instance has none
    for (const failure of failures) {
      const current = existing.find((i) => i.executionId === failure.executionId);
      const attempts = (current?.attempts ?? 0) + 1;
      const exhausted = attempts >= this.config.INCIDENT_MAX_ATTEMPTS || current?.status === 'open';
      const changes = { error: failure.message, attempts, status: exhausted ? ('open' as const) : ('retrying' as const), nextRetryAt: exhausted ? null : new Date(now.getTime() + this.backoff(attempts)), updatedAt: now };
      if (current) await this.incidents.update(em, current, changes);
      else await this.incidents.insert(em, { instanceId, activityId: failure.activityId, executionId: failure.executionId, createdAt: now, resolvedAt: null, resolution: null, ...changes });
      const type = !current ? 'incident.created' : exhausted ? 'incident.open' : 'incident.retry_failed';
      history.push({ at: now, type, activityId: failure.activityId, detail: { error: failure.message, attempts, status: changes.status, role: 'supervisor' } });
    }
    const failed = new Set(failures.map((f) => f.executionId));
    // Webhook incidents belong to no activity: only a person closes them.
    const ofActivities = existing.filter((i) => !i.executionId.startsWith(WEBHOOK_INCIDENT_PREFIX));
    for (const incident of ofActivities.filter((i) => !failed.has(i.executionId) && !args.activeActivityIds.includes(i.activityId))) {
      const resolution = args.resolution ?? `succeeded on attempt ${incident.attempts + 1}`;
      await this.incidents.update(em, incident, { status: 'resolved', resolvedAt: now, updatedAt: now, nextRetryAt: null, resolution });
      history.push({ at: now, type: 'incident.resolved', activityId: incident.activityId, detail: { incidentId: incident.id, resolution, role: 'supervisor' } });
    }
    return history;
  }

  async closeForInstance(em: EntityManager, instanceId: string, now: Date, resolution: string): Promise<void> {
    for (const incident of await this.incidents.unresolvedIn(em, instanceId)) {
      await this.incidents.update(em, incident, { status: 'resolved', resolvedAt: now, updatedAt: now, nextRetryAt: null, resolution });
    }
  }

  /** 10 s, 20 s, 40 s … (INCIDENT_RETRY_BASE_MS doubling), at most an hour. */
  private backoff(attempts: number): number {
    return Math.min(MAX_BACKOFF_MS, this.config.INCIDENT_RETRY_BASE_MS * 2 ** (attempts - 1));
  }
}
