// Rate limits (@nestjs/throttler, per replica): every caller (user, API key, or IP when anonymous) at most
// RATE_LIMIT_PER_MINUTE requests, and sign-in attempts per IP and username at most LOGIN_ATTEMPTS_PER_MINUTE.
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import type { AuthenticatedRequest } from './auth.guard';
import { AuthController } from './auth.controller';

const MINUTE = 60_000;

function isLogin(context: ExecutionContext): boolean {
  return context.getClass() === AuthController && context.getHandler() === AuthController.prototype.login;
}

export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'api',
        ttl: MINUTE,
        limit: Math.max(1, config.RATE_LIMIT_PER_MINUTE),
        skipIf: () => config.RATE_LIMIT_PER_MINUTE === 0,
        getTracker: (req: Record<string, unknown>) => {
          const r = req as unknown as AuthenticatedRequest;
          return r.principal ? `${r.principal.kind}:${r.principal.id}` : `ip:${r.ip}`;
        },
      },
      {
        name: 'login',
        ttl: MINUTE,
        limit: config.LOGIN_ATTEMPTS_PER_MINUTE,
        skipIf: (context) => !isLogin(context),
        getTracker: (req: Record<string, unknown>) => {
          const r = req as unknown as AuthenticatedRequest;
          return `${r.ip}:${String((r.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase().slice(0, 100)}`;
        },
      },
    ],
    errorMessage: (_context, detail) => `too many requests: at most ${detail.limit} a minute here; try again in ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} s`,
  };
}
