// Feature: live events (SSE fed by an outbox tailer in every replica) and webhooks (fan-out, signed delivery, log).
import { Module } from '@nestjs/common';
import { OutboxParticipant } from './outbox-participant';
import { OutboundGuard } from '../common/outbound/outbound-guard';
import { InstancesModule } from '../instances/instances.module';
import { OutboxReaderRepository } from './outbox-reader.repository';
import { EventStreamService } from './stream/event-stream.service';
import { EventsController } from './stream/events.controller';
import { OutboxTailer } from './stream/outbox-tailer';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookFanout } from './webhooks/webhook-fanout';
import { WebhookIncidents } from './webhooks/webhook-incidents';
import { WebhookPoller } from './webhooks/webhook-poller';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhookSubscriptionRepository } from './webhooks/webhook-subscription.repository';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({
  imports: [InstancesModule],
  controllers: [EventsController, WebhooksController],
  providers: [
    OutboundGuard,
    OutboxParticipant,
    OutboxReaderRepository,
    OutboxTailer,
    EventStreamService,
    WebhookSubscriptionRepository,
    WebhookDeliveryRepository,
    WebhooksService,
    WebhookSender,
    WebhookFanout,
    WebhookDispatcher,
    WebhookPoller,
    WebhookIncidents,
  ],
  exports: [OutboundGuard, OutboxTailer, WebhookFanout, WebhookDispatcher, WebhookDeliveryRepository],
})
export class NotificationsModule {}
