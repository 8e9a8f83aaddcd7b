// Per-test-file databases on the test run's PostgreSQL cluster (started by test/setup/global-setup.ts).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdent } from '../../src/database/embedded-postgres';

const PREFIX = 'sf_test_';

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) {
    throw new Error(
      'TEST_PG_ADMIN_URL is not set: run the tests through jest (its globalSetup, test/setup/global-setup.ts, ' +
        'starts a PostgreSQL cluster), or set it to a server URL whose role may CREATE DATABASE.',
    );
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** One connection to `url` for the length of `fn`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  await withClient(adminUrl(), (client) => client.query(sql));
}

/** Creates a uniquely named, empty database and resolves to its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `${PREFIX}${process.pid}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
  return withDatabase(adminUrl(), name);
}

/** Drops a database made by createTestDatabase(), closing any connections still open to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new URL(adminUrl());
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name.startsWith(PREFIX) || target.host !== admin.host) {
    throw new Error(`Refusing to drop ${url}: not a database made by createTestDatabase()`);
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
