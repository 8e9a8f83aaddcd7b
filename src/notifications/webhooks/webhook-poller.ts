// Fans out and sends webhooks in every replica (every WEBHOOK_POLL_MS; 0 disables it, as tests drive both themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '../../common/polling-loop';
import { AppConfig } from '../../config/app-config';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookFanout } from './webhook-fanout';

@Injectable()
export class WebhookPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, fanout: WebhookFanout, dispatcher: WebhookDispatcher) {
    this.loop = new PollingLoop(config.WEBHOOK_POLL_MS, () =>
      fanout
        .fanout()
        .then(() => dispatcher.deliverDue())
        .catch((err) => this.logger.error({ err }, 'webhook poll failed')),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
