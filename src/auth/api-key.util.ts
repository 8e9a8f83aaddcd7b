// API keys: 32 random bytes behind a readable prefix; stored as SHA-256 (a key is random, so a slow hash adds nothing).
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sf_';

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX.length + 6), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Cheap shape check before touching the database. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= PREFIX.length + 40 && value.length <= 100;
}
