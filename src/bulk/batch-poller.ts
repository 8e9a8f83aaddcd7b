// Runs the batch worker in every replica (every BATCH_POLL_MS; 0 disables it, as tests drive it themselves).
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { BatchWorker } from './batch-worker';

@Injectable()
export class BatchPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BatchWorker');
  private readonly loop: PollingLoop;

  constructor(config: AppConfig, worker: BatchWorker) {
    this.loop = new PollingLoop(config.BATCH_POLL_MS, () => worker.drain().then(() => undefined, (err) => this.logger.error({ err }, 'batch worker failed')));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
