// Chooses the database for `npm start`: DATABASE_URL when set, else an embedded PostgreSQL under DATA_DIR.
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, quoteIdent } from './embedded-postgres';

const DATABASE = 'serviceflow';

export async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const logger = new Logger('Database');
  const dataDir = resolve(config.DATA_DIR, 'pg');
  const embedded = new EmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, logFile: resolve(config.DATA_DIR, 'postgres.log') });
  const adminUrl = await embedded.start();
  await ensureDatabase(adminUrl, DATABASE);
  logger.log(`embedded PostgreSQL in ${dataDir} on port ${config.EMBEDDED_PG_PORT} (set DATABASE_URL to use your own server)`);
  return { url: embedded.url(DATABASE), embedded };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}
