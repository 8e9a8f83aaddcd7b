// Polls for due timers in every replica (every TIMER_POLL_MS; 0 disables it, as scenario tests drive it themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { TimerFiringService } from './timer-firing.service';

@Injectable()
export class TimerPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, timers: TimerFiringService) {
    this.loop = new PollingLoop(config.TIMER_POLL_MS, () => timers.fireDue().catch((err) => this.logger.error({ err }, 'timer poll failed')));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
