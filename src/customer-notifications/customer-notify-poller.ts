// Runs the customer-notification fan-out and sender in every replica (every NOTIFY_POLL_MS; 0 = off, tests drive it).
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { CustomerNotifyDispatcher } from './customer-notify-dispatcher';
import { CustomerNotifyFanout } from './customer-notify-fanout';

@Injectable()
export class CustomerNotifyPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CustomerNotify');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, fanout: CustomerNotifyFanout, dispatcher: CustomerNotifyDispatcher) {
    this.loop = new PollingLoop(config.NOTIFY_POLL_MS, async () => {
      await fanout.fanout().catch((err) => this.logger.error({ err }, 'customer notification fan-out failed'));
      await dispatcher.deliverDue().catch((err) => this.logger.error({ err }, 'customer notification sending failed'));
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
