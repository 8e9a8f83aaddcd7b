// Request rate limit (@nestjs/throttler, per replica): every caller (user, API key, or IP when anonymous) at most
// RATE_LIMIT_PER_MINUTE requests, answered 429 with a standard Retry-After. Sign-in attempts have their own limit,
// shared by all replicas (LoginThrottle).
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import type { AuthenticatedRequest } from './auth.guard';

const MINUTE = 60_000;

export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        // 'default' is the one name for which the throttler sends plain Retry-After / X-RateLimit-* headers.
        name: 'default',
        ttl: MINUTE,
        limit: Math.max(1, config.RATE_LIMIT_PER_MINUTE),
        skipIf: () => config.RATE_LIMIT_PER_MINUTE === 0,
        getTracker: (req: Record<string, unknown>) => {
          const r = req as unknown as AuthenticatedRequest;
          return r.principal ? `${r.principal.kind}:${r.principal.id}` : `ip:${r.ip}`;
        },
      },
    ],
    errorMessage: (_context, detail) => `too many requests: at most ${detail.limit} a minute here; try again in ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} s`,
  };
}
