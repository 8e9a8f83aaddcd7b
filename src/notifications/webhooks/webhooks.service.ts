// Webhook subscriptions for integrators: create (secret shown once), list, inspect, deactivate, delivery log.
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

@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly outbound: OutboundGuard,
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
    await this.subscriptions.insert(subscription);
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
      return s;
    });
    if (!subscription) throw DomainError.notFound('Webhook subscription', id);
    return mapSubscription(subscription);
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
