// The delivery log of one request as staff see it (the instance viewer's "Customer notifications"): no message text.
import { Injectable } from '@nestjs/common';
import { CustomerDeliveryRepository } from './customer-delivery.repository';

@Injectable()
export class CustomerDeliveryLog {
  constructor(private readonly deliveries: CustomerDeliveryRepository) {}

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
