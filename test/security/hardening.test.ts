// HTTP hardening: security headers and content policy, CORS only for configured origins, sign-in attempts and
// per-caller request rates limited with 429 + Retry-After, and no stack traces in error bodies.
import { startTestApp, type TestApp } from '../support/app';

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://crm.example.com', LOGIN_ATTEMPTS_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '40' } });
  });
  afterAll(() => t.close());

  it('sends security headers and a content policy, and hides the framework', async () => {
    const res = await t.anon.get('/health').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only for the configured origins', async () => {
    const allowed = await t.anon.options('/api/definitions').set('Origin', 'https://crm.example.com').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    const other = await t.anon.options('/api/definitions').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits sign-in attempts per name, with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) await t.anon.post('/api/auth/login').send({ username: 'guess', password: `wrong-${i}` }).expect(401);
    const limited = await t.anon.post('/api/auth/login').send({ username: 'guess', password: 'wrong-again' }).expect(429);
    expect(limited.body.message).toMatch(/too many requests/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another name is not held back by the first one's attempts
    await t.anon.post('/api/auth/login').send({ username: 'someone', password: 'wrong' }).expect(401);
  });

  it('limits each caller, not everyone: one agent over the limit does not block another', async () => {
    // given
    const busy = await t.as('busy.agent', ['agent']);
    const calm = await t.as('calm.agent', ['agent']);
    // when
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await busy.get('/api/definitions')).status);
    // then
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true);
    await calm.get('/api/definitions').expect(200);
  });

  it('keeps stack traces and SQL out of error bodies', async () => {
    const res = await t.http.get('/api/process-instances/not-a-uuid').expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|SELECT |QueryFailedError/);
    expect(res.body.correlationId).toEqual(expect.any(String));
  });
});
