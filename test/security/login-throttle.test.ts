// Sign-in throttling that holds (issue 14, row 2): attempts are counted per normalised user name (the login's own
// normalisation) in PostgreSQL, so spelling variants of a name and a second replica share one count; 429 + Retry-After.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { FakeClock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../support/app';
import { startReplica } from '../support/replica';

const LIMIT = 20;
const PASSWORD = 'the-right-passphrase';

describe('login throttle', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  let t: TestApp;
  let replica: NestExpressApplication;
  const env = { LOGIN_ATTEMPTS_PER_MINUTE: String(LIMIT) };
  const login = (app: NestExpressApplication, username: string, password: string) => request(app.getHttpServer()).post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await startTestApp({ clock, env });
    replica = await startReplica(t, { clock, env });
    for (const username of ['uu', 'shared']) await t.http.post('/api/users').send({ username, password: PASSWORD, roles: ['agent'] }).expect(201);
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  it('holds every spelling of a name after the limit, the right password too, until the window passes', async () => {
    // given
    for (let i = 0; i < LIMIT; i++) await login(t.app, 'uu', `wrong-${i}`).expect(401);
    // when / then
    const limited = await login(t.app, 'uu', 'wrong-again').expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['retry-after-login']).toBeUndefined();
    for (const variant of [' uu', 'uu ', '\tuu', 'UU', ' uU\t']) await login(t.app, variant, PASSWORD).expect(429);
    await login(t.app, 'uu', PASSWORD).expect(429);
    await login(replica, 'uu', PASSWORD).expect(429);
    // when the window has passed
    clock.advance(61_000);
    // then
    await login(t.app, 'uu', PASSWORD).expect(200);
  });

  it('shares one count between two instances of the app on one database', async () => {
    // given: half the attempts on each instance
    for (let i = 0; i < LIMIT / 2; i++) await login(t.app, 'shared', `wrong-${i}`).expect(401);
    for (let i = 0; i < LIMIT / 2; i++) await login(replica, 'Shared ', `wrong-${i}`).expect(401);
    // then
    await login(t.app, 'shared', PASSWORD).expect(429);
    await login(replica, 'shared', PASSWORD).expect(429);
  });

  it('counts concurrent attempts exactly (one UPSERT per attempt)', async () => {
    // given
    clock.advance(61_000);
    // when: twice the limit at once, spread over both instances
    const statuses = await Promise.all(Array.from({ length: 2 * LIMIT }, (_, i) => login(i % 2 ? replica : t.app, 'shared', `wrong-${i}`).then((r) => r.status)));
    // then
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(LIMIT);
  });
});
