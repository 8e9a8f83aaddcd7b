// A multi-host DATABASE_URL (libpq style) through the app's TypeORM options: the first server that answers and
// accepts writes is used; when none does, the error is one the API answers with 503.
import { DataSource, type DataSourceOptions } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/common/database-unavailable.util';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase, dropTestDatabase } from '../support/database';

jest.setTimeout(60_000);

describe('multi-host DATABASE_URL', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  function withHosts(hosts: string): string {
    const u = new URL(url);
    return `postgres://${u.username}${u.password ? `:${u.password}` : ''}@${hosts}${u.pathname}?target_session_attrs=read-write`;
  }

  it('skips a server that is down and migrates and queries on the next one', async () => {
    // given: nothing listens on port 1
    const real = new URL(url);
    const ds = new DataSource(dataSourceOptions(withHosts(`127.0.0.1:1,${real.hostname}:${real.port}`), 2) as DataSourceOptions);
    // when
    await ds.initialize();
    try {
      const [row] = await ds.query('SELECT inet_server_port() AS port, current_setting($1) AS ro', ['transaction_read_only']);
      // then
      expect(Number(row.port)).toBe(Number(real.port));
      expect(row.ro).toBe('off');
    } finally {
      await ds.destroy();
    }
  });

  it('fails with a retryable error when no listed server answers', async () => {
    const ds = new DataSource(dataSourceOptions(withHosts('127.0.0.1:1,127.0.0.1:2'), 1) as DataSourceOptions);
    const err = await ds.initialize().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no usable PostgreSQL server \(127\.0\.0\.1:1 is not reachable/);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
});
