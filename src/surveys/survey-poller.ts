// Runs the survey relay in every replica (every SURVEY_POLL_MS; 0 disables it, as tests drive it themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { SurveyRelay } from './survey-relay';

@Injectable()
export class SurveyPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SurveyRelay');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, relay: SurveyRelay) {
    this.loop = new PollingLoop(config.SURVEY_POLL_MS, () => relay.relay().catch((err) => this.logger.error({ err }, 'survey relay failed')));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
