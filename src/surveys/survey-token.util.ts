// Survey link tokens: 256 random bits, base64url in the link; only a SHA-256 hash is ever stored.
import { createHash, randomBytes } from 'node:crypto';

export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any lookup: a token is 43 base64url characters. */
export function looksLikeSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
