// The HTTP logger's options (nestjs-pino): correlation ids, no secrets in logged requests, and an owner-only log file.
import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';
import type { AppConfig } from '../../config/app-config';
import { redactUrl } from './log-redaction.util';

/** A client's X-Request-Id is kept as the correlation id only when it is this tame (it lands in logs and bodies). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function correlationIdOf(header: unknown): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

const brief = (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) });

export function pinoParams(config: AppConfig): Params {
  const verbose = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
  const options = {
    level: config.LOG_LEVEL,
    genReqId: (req: { headers: Record<string, unknown> }, res: { setHeader(name: string, value: string): unknown }) => {
      const id = correlationIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || req.url === '/metrics' },
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'req.params.token'],
    // `params` would repeat the path (the token too); the URL says it all, redacted. Headers (every request's, a dozen
    // each way) only at debug or trace: at the default level the line is who asked what and how it ended.
    serializers: (verbose ? { req: (req: { url?: string; params?: unknown }) => Object.assign(req, { url: redactUrl(req.url), params: undefined }) } : { req: brief, res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }) }) as Record<string, (value: any) => unknown>,
  };
  return { pinoHttp: config.LOG_FILE ? [options, ownerOnlyFile(config.LOG_FILE)] : options };
}

/** Appends to `file`, created (or narrowed) to mode 0600: logs hold correlation ids, user names and errors. */
function ownerOnlyFile(file: string) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  return pino.destination({ dest: file, append: true, mode: 0o600 });
}
