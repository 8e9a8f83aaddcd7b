// Recognises the errors of a lost or not-yet-writable database (a failover, a restart) so the API can answer
// 503 + Retry-After instead of 500: the client may retry; nothing was half-applied (one transaction per command).
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is being stopped
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '25006', // read_only_sql_transaction: connected to a server that was demoted to a standby
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// TypeORM releases a transaction's query runner when its connection ends or errors; the command's next query then
// throws one of these (seen in the failover test when the primary died mid-transaction).
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|no usable PostgreSQL server|timeout expired|Client was closed/;

/** Seconds a client should wait before retrying: about one failover manager health check. */
export const DATABASE_RETRY_AFTER_S = 2;

export const DATABASE_UNAVAILABLE_MESSAGE =
  `the database is not reachable right now (a failover may be in progress); retry in ${DATABASE_RETRY_AFTER_S} s. ` +
  'If the connection broke during the commit the command may have been applied; repeating it is still safe: a repeated task ' +
  'completion, or a start with the same business key, answers 409.';

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let err = error as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; depth++) {
    if (typeof err.name === 'string' && RELEASED_RUNNER_ERRORS.has(err.name)) return true;
    if (typeof err.code === 'string' && (UNAVAILABLE_SQLSTATES.has(err.code) || err.code.startsWith('08') || UNAVAILABLE_NODE_CODES.has(err.code))) return true;
    if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message)) return true;
    err = (err.driverError ?? err.cause) as typeof err;
  }
  return false;
}
