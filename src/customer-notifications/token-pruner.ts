// Deletes status-page and survey link tokens TOKEN_RETENTION after they expired, in every replica (every
// TOKEN_PRUNE_MS; 0 = off, tests call prune()). Until then an expired link still says "expired", not "not valid".
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Duration } from 'luxon';
import { Clock } from '../common/clock';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { SurveyRepository } from '../surveys/survey.repository';
import { StatusTokenRepository } from './status-token.repository';

@Injectable()
export class TokenPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TokenPruner');
  private readonly loop: PollingLoop;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly statusTokens: StatusTokenRepository,
    private readonly surveys: SurveyRepository,
  ) {
    this.loop = new PollingLoop(config.TOKEN_PRUNE_MS, () => this.prune().then(() => undefined).catch((err) => this.logger.error({ err }, 'token pruning failed')));
  }

  /** Deletes what expired more than TOKEN_RETENTION ago (two idempotent DELETEs: replicas may overlap harmlessly). */
  async prune(): Promise<{ status: number; survey: number }> {
    const before = new Date(this.clock.now().getTime() - Duration.fromISO(this.config.TOKEN_RETENTION).toMillis());
    return { status: await this.statusTokens.pruneExpired(before), survey: await this.surveys.pruneExpiredTokens(before) };
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
