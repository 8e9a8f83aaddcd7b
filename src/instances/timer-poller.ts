// Polls for due timers in every replica (every TIMER_POLL_MS; 0 disables it, as scenario tests drive firing themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TimerFiringService } from './timer-firing.service';

@Injectable()
export class TimerPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private handle?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly firing: TimerFiringService,
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
      this.running = this.firing
        .fireDue()
        .catch((err) => this.logger.error({ err }, 'timer poll failed'))
        .finally(() => this.handle && this.schedule());
    }, this.config.TIMER_POLL_MS);
  }
}
