// Fans out and sends webhooks in every replica (every WEBHOOK_POLL_MS; 0 disables it, as tests drive both themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookFanout } from './webhook-fanout';

@Injectable()
export class WebhookPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private handle?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly fanout: WebhookFanout,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.WEBHOOK_POLL_MS > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.handle);
    this.handle = undefined;
    await this.running;
  }

  private schedule(): void {
    this.handle = setTimeout(() => {
      this.running = this.fanout
        .fanout()
        .then(() => this.dispatcher.deliverDue())
        .catch((err) => this.logger.error({ err }, 'webhook poll failed'))
        .finally(() => this.handle && this.schedule());
    }, this.config.WEBHOOK_POLL_MS);
  }
}
