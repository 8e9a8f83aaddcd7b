// The delivery log of one request as staff see it (the instance viewer's "Customer notifications"): no message text.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CustomerDeliveryRepository } from './customer-delivery.repository';

@Injectable()
export class CustomerDeliveryLog {
  constructor(
    private readonly deliveries: CustomerDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  /** Sends a failed delivery again (after fixing the address or the gateway); the log then shows it pending. */
  async retry(instanceId: string, deliveryId: string) {
    // ids are bigint: anything but a short run of digits names no delivery
    const result = /^\d{1,18}$/.test(deliveryId) ? await this.deliveries.requeue(instanceId, deliveryId, this.clock.now()) : 'unknown';
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
