// Polls for due work in every replica (every TIMER_POLL_MS; 0 disables it, as scenario tests drive it themselves):
// incidents whose automatic retry is due. (Due timers have their own poller in src/timers/.)
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { IncidentRetryService } from '../incidents/incident-retry.service';

@Injectable()
export class DueWorkPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, incidents: IncidentRetryService) {
    this.loop = new PollingLoop(config.TIMER_POLL_MS, () => incidents.retryDue().catch((err) => this.logger.error({ err }, 'incident retry poll failed')));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
