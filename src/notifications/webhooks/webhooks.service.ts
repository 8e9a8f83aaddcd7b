// Webhook subscriptions for integrators: create (secret shown once), list, inspect, deactivate, test, delivery log.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { OutboundError, OutboundGuard } from '../../common/outbound/outbound-guard';
import type { Page } from '../../common/page.dto';
import type { PageQueryDto } from '../../common/page.dto';
import { mapDelivery, mapSubscription, type CreateWebhookDto, type DeliveryQueryDto } from '../dto/webhook.dto';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSubscriptionRepository, type WebhookSubscription } from './webhook-subscription.repository';
import { generateWebhookSecret } from './webhook-signature';
import { newRowId } from '../../common/row-id';
import { AuditService } from '../../audit/audit.service';
import { WebhookSender } from './webhook-sender';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly outbound: OutboundGuard,
    private readonly audit: AuditService,
    private readonly sender: WebhookSender,
  ) {}

  async create(dto: CreateWebhookDto) {
    await this.outbound.check(dto.url).catch((err) => {
      if (!(err instanceof OutboundError)) throw err;
      throw new DomainError(ErrorCode.Invalid, `url is not allowed (${err.message}): webhooks reach public addresses only; an operator may allow an internal target with OUTBOUND_ALLOW`, [{ field: 'url', message: err.message }]);
    });
    const subscription: WebhookSubscription = {
      id: newRowId(),
      url: dto.url,
      secret: dto.secret ?? generateWebhookSecret(),
      eventTypes: dto.eventTypes ?? [],
      description: dto.description ?? null,
      active: true,
      createdAt: this.clock.now(),
    };
    await this.db.transaction(async (em) => {
      await this.subscriptions.insert(em, subscription);
      await this.audit.forRequest(em, { targetType: 'webhook', targetId: subscription.id, detail: { url: subscription.url, eventTypes: subscription.eventTypes } });
    });
    return { ...mapSubscription(subscription), secret: subscription.secret };
  }

  async list(query: PageQueryDto): Promise<Page<ReturnType<typeof mapSubscription>>> {
    const { items, total } = await this.subscriptions.list(query.limit, query.offset);
    return { items: items.map(mapSubscription), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string) {
    return mapSubscription(await this.existing(id));
  }

  /** Stops deliveries to the subscription; those still pending are failed. Idempotent. */
  async deactivate(id: string) {
    const subscription = await this.db.transaction(async (em) => {
      const s = await this.subscriptions.deactivate(em, id);
      if (s) await this.deliveries.failPending(em, id, 'subscription deactivated');
      if (s) await this.audit.forRequest(em, { targetType: 'webhook', targetId: id, detail: { url: s.url } });
      return s;
    });
    if (!subscription) throw DomainError.notFound('Webhook subscription', id);
    return mapSubscription(subscription);
  }

  /** Sends one signed `webhook.test` event to the subscription now (not queued, not retried) and answers how it went. */
  async test(id: string) {
    const subscription = await this.existing(id);
    const at = this.clock.now();
    const delivery = { id: `test-${newRowId()}`, outboxId: '0', eventType: 'webhook.test', attempts: 1, url: subscription.url, secret: subscription.secret, payload: { subscriptionId: id, sentAt: at.toISOString() } };
    const result = await this.sender.send(delivery, at);
    // Nothing is stored but the audit entry: who tested which subscription, and with what outcome.
    await this.audit.forRequest(null, { targetType: 'webhook', targetId: id, detail: { url: subscription.url, ok: result.ok, statusCode: result.statusCode } });
    return { deliveryId: delivery.id, ...result };
  }

  async deliveryLog(id: string, query: DeliveryQueryDto): Promise<Page<ReturnType<typeof mapDelivery>>> {
    await this.existing(id);
    const { items, total } = await this.deliveries.list(id, query);
    return { items: items.map(mapDelivery), total, limit: query.limit, offset: query.offset };
  }

  private async existing(id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription) throw DomainError.notFound('Webhook subscription', id);
    return subscription;
  }
}
