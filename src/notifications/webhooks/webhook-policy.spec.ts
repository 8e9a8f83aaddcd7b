// Unit spec: webhook retry schedule and signature.
import { createHmac } from 'node:crypto';
import { retryDelayMs } from './retry-policy';
import { generateWebhookSecret, signWebhook } from './webhook-signature';

describe('webhook retry schedule', () => {
  it('backs off exponentially and then stays at 12 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([5e3, 30e3, 120e3, 600e3, 3600e3, 3 * 3600e3, 6 * 3600e3, 12 * 3600e3, 12 * 3600e3]);
  });
});

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', 'k'.repeat(16)).update('1767574800.{"id":1}').digest('hex');
    expect(signWebhook('k'.repeat(16), '1767574800', '{"id":1}')).toBe(`sha256=${expected}`);
  });

  it('generates distinct, long secrets', () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(a).not.toBe(b);
  });
});
