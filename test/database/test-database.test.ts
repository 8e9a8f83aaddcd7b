// The shared test cluster from globalSetup: per-file databases via test/support/database.ts.
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../support/database';

describe('createTestDatabase / dropTestDatabase', () => {
  it('hands out distinct empty databases on the run cluster and drops them', async () => {
    expect(process.env.TEST_PG_ADMIN_URL).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(a).not.toBe(b);

    const client = new Client({ connectionString: a });
    client.on('error', () => undefined); // the drop below terminates this session
    await client.connect();
    const tables = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows[0].n).toBe(0);
    // dropTestDatabase closes sessions that are still open
    await dropTestDatabase(a);
    await client.end().catch(() => undefined);
    await dropTestDatabase(b);

    const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    const left = await admin.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
      [a, b].map((u) => new URL(u).pathname.slice(1)),
    ]);
    await admin.end();
    expect(left.rows).toEqual([]);
  });

  it('refuses to drop a database it did not make', async () => {
    await expect(dropTestDatabase(process.env.TEST_PG_ADMIN_URL!)).rejects.toThrow(/Refusing/);
  });
});
