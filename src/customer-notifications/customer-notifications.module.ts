// Feature: customer notifications (delivery rows from notification events, SMTP / SMS / WeChat sending with retries,
// the delivery log) and the customer's status page reached from their links.
import { Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstancesModule } from '../instances/instances.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MessagesService } from '../messages/messages.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxReaderRepository } from '../notifications/outbox-reader.repository';
import { StatusPageController } from '../status-page/status-page.controller';
import { StatusPageService } from '../status-page/status-page.service';
import { CustomerChannels } from './customer-channels';
import { CustomerDeliveryLog } from './customer-delivery-log';
import { CustomerDeliveryRepository } from './customer-delivery.repository';
import { CustomerNotifyDispatcher } from './customer-notify-dispatcher';
import { CustomerNotifyFanout } from './customer-notify-fanout';
import { CustomerNotifyPoller } from './customer-notify-poller';
import { StatusTokenRepository } from './status-token.repository';
import { TokenPruner } from './token-pruner';
import { RequestNotesRepository } from '../request-notes/request-notes.repository';
import { SurveysModule } from '../surveys/surveys.module';

@Module({
  imports: [InstancesModule, DefinitionsModule, NotificationsModule, SurveysModule, IncidentsModule], // IncidentsModule: MessagesService records data incidents
  controllers: [StatusPageController],
  providers: [
    OutboxReaderRepository, CustomerDeliveryRepository, CustomerDeliveryLog, StatusTokenRepository, CustomerChannels,
    CustomerNotifyFanout, CustomerNotifyDispatcher, CustomerNotifyPoller, TokenPruner,
    // the status page correlates the quote's message exactly as the API does
    MessagesService, StatusPageService, RequestNotesRepository,
  ],
  exports: [CustomerNotifyFanout, CustomerNotifyDispatcher],
})
export class CustomerNotificationsModule implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  /** A gateway without its secret would get unsigned-looking requests it cannot verify: refuse to boot instead. */
  onModuleInit(): void {
    const c = this.config;
    const bad = [c.NOTIFY_SMS_URL && !c.NOTIFY_SMS_SECRET && 'NOTIFY_SMS_SECRET', c.NOTIFY_WECHAT_URL && !c.NOTIFY_WECHAT_SECRET && 'NOTIFY_WECHAT_SECRET'].filter(Boolean);
    if (bad.length) throw new Error(`Invalid configuration: ${bad.join(', ')} must be set when its gateway URL is`);
  }
}
