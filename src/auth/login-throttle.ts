// Sign-in throttle: at most LOGIN_ATTEMPTS_PER_MINUTE attempts per client address and normalised user name in a
// minute, counted in PostgreSQL (all workers and replicas share it); beyond it a 429 with Retry-After in seconds.
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { LoginAttemptRepository } from './login-attempt.repository';
import { normalizeUsername } from './username.util';

const WINDOW_MS = 60_000;
const PURGE_EVERY = 500;

@Injectable()
export class LoginThrottle {
  private sincePurge = 0;

  constructor(
    private readonly attempts: LoginAttemptRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts this attempt; throws a 429 domain error when it is over the limit. */
  async check({ username, ip }: { username: string; ip: string | undefined }): Promise<void> {
    const now = this.clock.now();
    const key = createHash('sha256').update(`${ip ?? ''}\n${normalizeUsername(username)}`).digest('hex');
    const { attempts, windowStartedAt } = await this.attempts.count(key, now, WINDOW_MS);
    if (++this.sincePurge >= PURGE_EVERY) {
      this.sincePurge = 0;
      void this.attempts.purge(new Date(now.getTime() - WINDOW_MS)).catch(() => undefined);
    }
    const limit = this.config.LOGIN_ATTEMPTS_PER_MINUTE;
    if (attempts <= limit) return;
    const retryAfterS = Math.max(1, Math.ceil((windowStartedAt.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw DomainError.tooManyRequests(`too many requests: at most ${limit} sign-in attempts a minute for this name; try again in ${retryAfterS} s`, retryAfterS);
  }
}
