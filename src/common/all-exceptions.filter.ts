// The one place that turns errors into HTTP answers: {statusCode, error, message, details?, correlationId}.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_S, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable.util';
import { DomainError, httpStatusOf } from './domain-error';
import { redactUrl } from './logging/log-redaction.util';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    // req.id is the checked correlation id (pino-http's genReqId); a raw X-Request-Id is never echoed.
    const correlationId = String(req.id ?? randomUUID());
    const { statusCode, message, details } = this.describe(exception);
    if (exception instanceof DomainError && exception.retryAfterS !== undefined) res.setHeader('Retry-After', String(exception.retryAfterS));
    if (statusCode === HttpStatus.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    if (statusCode === HttpStatus.SERVICE_UNAVAILABLE) this.logger.warn({ err: exception, correlationId }, `${req.method} ${redactUrl(req.url)}: database unavailable`);
    else if (statusCode >= 500) this.logger.error({ err: exception, correlationId }, `${req.method} ${redactUrl(req.url)} failed`);
    res.status(statusCode).json({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
      ...(details ? { details } : {}),
      correlationId,
    });
  }

  private describe(exception: unknown): { statusCode: number; message: string | string[]; details?: unknown } {
    if (exception instanceof DomainError) {
      return { statusCode: httpStatusOf[exception.code], message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: exception.getStatus(), message };
    }
    const client = clientErrorOf(exception);
    if (client) return client;
    if (isDatabaseUnavailable(exception)) return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE };
    // Never leak stack traces or SQL to the client; the log has them under the correlation id.
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}

/**
 * Errors the body parsers (body-parser, multer through Nest) raise for the client's own input: http-errors with a 4xx
 * status and `expose` set, whose message is meant for the client. A too-large body says which limit it broke.
 */
function clientErrorOf(exception: unknown): { statusCode: number; message: string } | null {
  const err = exception as { status?: unknown; expose?: unknown; type?: unknown; limit?: unknown; length?: unknown; message?: unknown };
  if (!(exception instanceof Error) || err.expose !== true || typeof err.status !== 'number' || err.status < 400 || err.status > 499) return null;
  if (err.type === 'entity.too.large') return { statusCode: 413, message: `the request body${typeof err.length === 'number' ? ` (${err.length} bytes)` : ''} exceeds the limit of ${String(err.limit)} bytes for this content type` };
  return { statusCode: err.status, message: String(err.message) };
}
