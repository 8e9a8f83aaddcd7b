// isDatabaseUnavailable: which errors become a retryable 503.
import { isDatabaseUnavailable } from './database-unavailable.util';

describe('isDatabaseUnavailable', () => {
  it('recognises a lost connection, a refused one and a demoted server, also when TypeORM wraps them', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'query failed', driverError: { code: '25006', message: 'cannot execute INSERT in a read-only transaction' } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'x', driverError: { code: '57P01', message: 'terminating connection due to administrator command' } })).toBe(true);
  });

  it('leaves real failures alone (a constraint violation, a programming error)', () => {
    expect(isDatabaseUnavailable({ message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
