// The delivery log of one request as staff see it (the instance viewer's "Customer notifications"): no message text;
// a failed delivery can be sent again (audited).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CustomerDeliveryRepository } from './customer-delivery.repository';

@Injectable()
export class CustomerDeliveryLog {
  constructor(
    private readonly deliveries: CustomerDeliveryRepository,
    private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Sends a failed delivery again (after fixing the address or the gateway); the log then shows it pending. */
  async retry(instanceId: string, deliveryId: string, principal?: Principal) {
    // ids are bigint: anything but a short run of digits names no delivery
    const result = /^\d{1,18}$/.test(deliveryId) ? await this.db.transaction(async (em) => {
      const done = await this.deliveries.requeue(em, instanceId, deliveryId, this.clock.now());
      if (done.outcome === 'requeued') {
        const detail = { deliveryId, channel: done.channel, template: done.template };
        await this.audit.record(em, { actor: actorOf(principal), action: 'notification.retried', targetType: 'process-instance', targetId: instanceId, detail });
      }
      return done.outcome;
    }) : 'unknown';
    if (result === 'unknown') throw DomainError.notFound('Customer delivery', deliveryId);
    if (result === 'not-failed') throw new DomainError(ErrorCode.Conflict, 'only a failed delivery can be retried');
    return this.ofInstance(instanceId);
  }

  async ofInstance(instanceId: string) {
    const rows = await this.deliveries.ofInstance(instanceId);
    return {
      items: rows.map((d) => ({
        id: d.id, channel: d.channel, to: d.address, template: d.template, language: d.language, status: d.status,
        attempts: d.attempts, lastError: d.lastError, nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null, createdAt: d.createdAt, sentAt: d.sentAt,
      })),
    };
  }
}
