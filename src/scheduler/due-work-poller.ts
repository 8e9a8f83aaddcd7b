// Polls for due work in every replica (every TIMER_POLL_MS; 0 disables it, as scenario tests drive it themselves):
// timers that fell due and incidents whose automatic retry is due.
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { IncidentRetryService } from '../incidents/incident-retry.service';
import { TimerFiringService } from '../instances/timer-firing.service';

@Injectable()
export class DueWorkPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private handle?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly timers: TimerFiringService,
    private readonly incidents: IncidentRetryService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.TIMER_POLL_MS > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.handle);
    this.handle = undefined;
    await this.running;
  }

  private schedule(): void {
    this.handle = setTimeout(() => {
      this.running = this.poll().finally(() => this.handle && this.schedule());
    }, this.config.TIMER_POLL_MS);
  }

  private async poll(): Promise<void> {
    await this.timers.fireDue().catch((err) => this.logger.error({ err }, 'timer poll failed'));
    await this.incidents.retryDue().catch((err) => this.logger.error({ err }, 'incident retry poll failed'));
  }
}
