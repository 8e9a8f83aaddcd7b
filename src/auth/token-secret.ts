// Where the token-signing secret lives: JWT_SECRET, the file JWT_SECRET_FILE names (docker/kubernetes secrets), or
// DATA_DIR/jwt-secret (owner-only, generated once). Never in the database: a leaked database login must not mint tokens.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';

export const TOKEN_SECRET_FILE = 'jwt-secret';

/** The file that holds the secret when neither JWT_SECRET nor JWT_SECRET_FILE is set. */
export function tokenSecretFile(config: AppConfig): string {
  return path.resolve(config.DATA_DIR, TOKEN_SECRET_FILE);
}

/** The configured secret, or the one in DATA_DIR/jwt-secret, created with `initial` (random by default) when missing. */
export function loadTokenSecret(config: AppConfig, initial?: string): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.JWT_SECRET_FILE) {
    const secret = fs.readFileSync(config.JWT_SECRET_FILE, 'utf8').trim();
    if (secret.length < 32) throw new Error(`JWT_SECRET_FILE ${config.JWT_SECRET_FILE} must hold at least 32 characters`);
    return secret;
  }
  return readOrCreateAtomically(tokenSecretFile(config), initial ?? randomBytes(48).toString('base64url'));
}

/**
 * Replicas sharing DATA_DIR (a shared volume) may start together: the file is written aside and linked into place,
 * which fails when another one got there first, so every replica ends up reading the same complete secret.
 */
function readOrCreateAtomically(file: string, candidate: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(aside, `${candidate}\n`, { mode: 0o600 });
  try {
    fs.linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
