// Survey tokens: unguessable, only their hash is kept, malformed ones are rejected before any lookup.
import { hashSurveyToken, looksLikeSurveyToken, newSurveyToken } from './survey-token.util';

describe('survey tokens', () => {
  it('are 256-bit base64url strings, different every time, hashed to 64 hex characters', () => {
    const [a, b] = [newSurveyToken(), newSurveyToken()];
    expect(a).not.toBe(b);
    expect(looksLikeSurveyToken(a)).toBe(true);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(hashSurveyToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSurveyToken(a)).not.toContain(a);
  });

  it('rejects anything else by shape', () => {
    for (const bad of ['', 'abc', `${newSurveyToken()}x`, '../../etc/passwd'.padEnd(43, 'a'), 'a'.repeat(42) + '=']) expect(looksLikeSurveyToken(bad)).toBe(false);
  });
});
