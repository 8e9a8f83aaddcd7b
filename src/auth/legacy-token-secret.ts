// Before the migration that deletes it runs: carries the token secret that earlier versions kept in `settings` over to
// DATA_DIR/jwt-secret, so that tokens issued before the upgrade stay valid.
import * as fs from 'node:fs';
import { singleClient } from '../database/multi-host-client';
import type { AppConfig } from '../config/app-config';
import { loadTokenSecret, tokenSecretFile } from './token-secret';

export async function carryLegacyTokenSecret(config: AppConfig, databaseUrl: string): Promise<void> {
  if (config.JWT_SECRET || config.JWT_SECRET_FILE) return;
  if (config.DATABASE_URL) {
    // Replicas on other hosts would each make their own secret: tokens from one would be refused by the others.
    process.stderr.write(`warning: the token secret is kept in ${tokenSecretFile(config)}: several replicas must share it (JWT_SECRET, JWT_SECRET_FILE or a shared DATA_DIR)\n`);
  }
  if (fs.existsSync(tokenSecretFile(config))) return;
  const client = singleClient(databaseUrl);
  await client.connect();
  try {
    // No settings table yet (a new database) or no row (already carried over, or never made): nothing to carry.
    const found = await client.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'jwt.secret'`).catch(() => undefined);
    const legacy = found?.rows[0]?.value;
    if (legacy) loadTokenSecret(config, legacy);
  } finally {
    await client.end();
  }
}
