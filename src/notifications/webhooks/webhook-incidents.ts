// A webhook that keeps failing does not go unnoticed: when a delivery fails for good, an open incident is recorded
// on the event's instance and published to supervisors, in one transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { IncidentRepository } from '../../incidents/incident.repository';
import { HistoryRepository } from '../../instances/history.repository';
import { InstanceRepository } from '../../instances/instance.repository';
import { OutboxRepository } from '../outbox.repository';
import { toOutboxEvents } from '../outbox-events.util';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** Incidents of webhook deliveries carry this execution id prefix (they belong to no BPMN activity). */
export const WEBHOOK_INCIDENT_PREFIX = 'webhook-delivery:';

@Injectable()
export class WebhookIncidents {
  constructor(
    private readonly db: DataSource,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly incidents: IncidentRepository,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  async raise(deliveryId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const failed = await this.deliveries.failedDelivery(em, deliveryId);
      if (!failed?.instanceId) return; // an event of no instance: the delivery log is the record
      const instance = await this.instances.lock(em, failed.instanceId);
      if (!instance) return;
      const now = this.clock.now();
      const error = `webhook ${failed.eventType} to ${failed.url} failed ${failed.attempts} times: ${failed.lastError ?? 'no answer'}`;
      const executionId = `${WEBHOOK_INCIDENT_PREFIX}${deliveryId}`;
      await this.incidents.insert(em, { instanceId: instance.id, activityId: 'webhook', executionId, error, attempts: failed.attempts, status: 'open', nextRetryAt: null, createdAt: now, updatedAt: now, resolvedAt: null, resolution: null });
      const history = [{ at: now, type: 'incident.created', activityId: null, detail: { error, deliveryId, role: 'supervisor' } }];
      await this.history.append(em, instance.id, history);
      await this.outbox.append(em, toOutboxEvents({ instance, model: null, history }));
    });
  }
}
