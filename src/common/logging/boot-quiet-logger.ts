// Nest's logger through pino, with the framework's start-up chatter (each module loaded, each route mapped) at debug.
import type { LoggerService } from '@nestjs/common';

/** Contexts whose `log` lines describe wiring, not events: a few hundred lines per worker at every start. */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** `logger` as is, except that wiring lines go to debug (seen with LOG_LEVEL=debug). */
export function quietWiring(logger: LoggerService & { debug(message: any, ...rest: any[]): any }): LoggerService {
  return {
    log: (message: any, ...rest: any[]) => {
      const context = rest[rest.length - 1];
      return typeof context === 'string' && WIRING_CONTEXTS.has(context) ? logger.debug(message, ...rest) : logger.log(message, ...rest);
    },
    error: (message: any, ...rest: any[]) => logger.error(message, ...rest),
    warn: (message: any, ...rest: any[]) => logger.warn(message, ...rest),
    debug: (message: any, ...rest: any[]) => logger.debug(message, ...rest),
    verbose: (message: any, ...rest: any[]) => logger.verbose?.(message, ...rest),
    fatal: (message: any, ...rest: any[]) => (logger.fatal ? logger.fatal(message, ...rest) : logger.error(message, ...rest)),
  };
}
