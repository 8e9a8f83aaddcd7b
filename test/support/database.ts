// Per-test-file databases on the test run's PostgreSQL cluster (started by test/setup/global-setup.ts).
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { quoteIdent } from '../../src/database/embedded-postgres';
import { migrations } from '../../src/database/migrations';
import { migrateLocked } from '../../src/database/migrate';

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
  const name = uniqueName();
  await adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
  return withDatabase(adminUrl(), name);
}

/**
 * Creates a uniquely named database with every migration applied and resolves to its URL: a copy of a template that
 * the first caller of the test run migrates (the app's own migrations, through the app's own migrateLocked), so that
 * the two hundred test files do not each run them. The template's name carries a digest of the migrations' names:
 * a server kept between runs (TEST_PG_ADMIN_URL) gets a new template when a migration is added.
 */
export async function createMigratedTestDatabase(): Promise<string> {
  const template = await migratedTemplate();
  const name = uniqueName();
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return withDatabase(adminUrl(), name);
    } catch (error) {
      // 55006: someone is connected to the template (only ever the builder, for an instant): try again
      if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

let template: Promise<string> | undefined;

function migratedTemplate(): Promise<string> {
  template ??= buildTemplate();
  return template;
}

/** Under an advisory lock on the admin database, so that the test workers build it once between them. */
async function buildTemplate(): Promise<string> {
  const digest = createHash('sha256').update(migrations.map((m) => m.name).join('\n')).digest('hex').slice(0, 12);
  const name = `sf_template_${digest}`;
  return withClient(adminUrl(), async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7240002)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return name;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
      const ds = new DataSource({ ...dataSourceOptions(withDatabase(adminUrl(), building), 2), migrationsRun: false });
      await ds.initialize();
      try {
        await migrateLocked(ds);
      } finally {
        await ds.destroy();
      }
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7240002)');
    }
  });
}

function uniqueName(): string {
  return `${PREFIX}${process.pid}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
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
