// Login, tokens, users, API keys and the audit log on a real server and database.
import { JwtService } from '@nestjs/jwt';
import { AdminBootstrap } from '../../src/auth/admin-bootstrap';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/app';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

describe('authentication, users, API keys and audit', () => {
  let app: TestApp;
  let adminToken: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await startTestApp({ env: { JWT_SECRET: SECRET } });
    const login = await app.anon.post('/api/auth/login').send({ username: 'admin', password: TEST_ADMIN_PASSWORD }).expect(200);
    adminToken = login.body.accessToken;
  });
  afterAll(() => app.close());

  it('creates the first admin once (here with ADMIN_PASSWORD)', async () => {
    // when a second boot (or a racing replica) asks again
    const again = await app.app.get(AdminBootstrap).ensureAdmin();
    // then
    expect(again).toBeNull();
    const me = await app.anon.get('/api/auth/me').set(bearer(adminToken)).expect(200);
    expect(me.body).toMatchObject({ kind: 'user', username: 'admin', roles: ['admin'] });
  });

  it('refreshes a session with the current roles, and not for a deactivated user', async () => {
    // given
    const created = await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'refresher', password: 'correct-horse-battery', roles: ['agent'] }).expect(201);
    const first = (await app.anon.post('/api/auth/login').send({ username: 'refresher', password: 'correct-horse-battery' }).expect(200)).body.accessToken;
    await app.anon.patch(`/api/users/${created.body.id}`).set(bearer(adminToken)).send({ roles: ['agent', 'technician'] }).expect(200);
    // when
    const refreshed = await app.anon.post('/api/auth/refresh').set(bearer(first)).expect(200);
    // then
    expect(refreshed.body.user.roles).toEqual(['agent', 'technician']);
    const me = await app.anon.get('/api/auth/me').set(bearer(refreshed.body.accessToken)).expect(200);
    expect(me.body.roles).toEqual(['agent', 'technician']);
    // when deactivated
    await app.anon.patch(`/api/users/${created.body.id}`).set(bearer(adminToken)).send({ active: false }).expect(200);
    // then
    await app.anon.post('/api/auth/refresh').set(bearer(refreshed.body.accessToken)).expect(401);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await app.anon.post('/api/auth/login').send({ username: 'admin', password: 'not-the-password' }).expect(401);
    const unknown = await app.anon.post('/api/auth/login').send({ username: 'nobody', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.message).toMatch(/username or password is wrong/);
    await app.anon.post('/api/auth/login').send({ username: 'admin' }).expect(400);
  });

  it('answers 401 without credentials, with a bad or expired token, and 403 without the role', async () => {
    // given
    await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'li.na', password: 'correct-horse-battery', roles: ['agent'] }).expect(201);
    const agent = (await app.anon.post('/api/auth/login').send({ username: 'li.na', password: 'correct-horse-battery' }).expect(200)).body.accessToken;
    const expired = await new JwtService().signAsync({ sub: 'x', name: 'admin', roles: ['admin'] }, { secret: SECRET, expiresIn: -10 });
    const forged = await new JwtService().signAsync({ sub: 'x', name: 'admin', roles: ['admin'] }, { secret: 'another-secret-another-secret-another-secret', expiresIn: 60 });
    // then
    expect((await app.anon.get('/api/users').expect(401)).body.message).toMatch(/sign in/);
    await app.anon.get('/api/users').set(bearer(expired)).expect(401);
    await app.anon.get('/api/users').set(bearer(forged)).expect(401);
    await app.anon.get('/api/users').set({ Authorization: 'Basic abc' }).expect(401);
    const denied = await app.anon.get('/api/users').set(bearer(agent)).expect(403);
    expect(denied.body.message).toMatch(/your roles \(agent\) do not allow this/);
    await app.anon.get('/api/audit').set(bearer(agent)).expect(403);
  });

  it('validates new users: taken names, weak passwords, unknown roles', async () => {
    await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'zhang.wei', password: 'correct-horse-battery', roles: ['supervisor'] }).expect(201);
    const taken = await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'zhang.wei', password: 'correct-horse-battery', roles: ['agent'] }).expect(409);
    expect(taken.body.message).toMatch(/taken/);
    const weak = await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'wang', password: 'short', roles: ['root'] }).expect(400);
    expect(weak.body.message.join(' ')).toMatch(/at least 12 characters.*roles must be among/s);
  });

  it('a deactivated user can no longer sign in, and admins cannot lock themselves out', async () => {
    // given
    const created = await app.anon.post('/api/users').set(bearer(adminToken)).send({ username: 'temp.user', password: 'correct-horse-battery', roles: ['technician'] }).expect(201);
    // when
    await app.anon.patch(`/api/users/${created.body.id}`).set(bearer(adminToken)).send({ active: false }).expect(200);
    // then
    await app.anon.post('/api/auth/login').send({ username: 'temp.user', password: 'correct-horse-battery' }).expect(401);
    const me = await app.anon.get('/api/auth/me').set(bearer(adminToken)).expect(200);
    await app.anon.patch(`/api/users/${me.body.id}`).set(bearer(adminToken)).send({ active: false }).expect(409);
  });

  it('issues an API key once, authenticates with it, and stops it at revocation', async () => {
    // when
    const created = await app.anon.post('/api/api-keys').set(bearer(adminToken)).send({ name: 'crm', scopes: ['start', 'read'] }).expect(201);
    const key: string = created.body.key;
    // then
    expect(key).toMatch(/^sf_/);
    const list = await app.anon.get('/api/api-keys').set(bearer(adminToken)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(key);
    const me = await app.anon.get('/api/auth/me').set('X-API-Key', key).expect(200);
    expect(me.body).toMatchObject({ kind: 'apiKey', name: 'crm', scopes: ['start', 'read'] });
    await app.anon.get('/api/users').set('X-API-Key', key).expect(403);
    // when
    await app.anon.delete(`/api/api-keys/${created.body.id}`).set(bearer(adminToken)).expect(200);
    // then
    await app.anon.get('/api/auth/me').set('X-API-Key', key).expect(401);
    await app.anon.post('/api/api-keys').set(bearer(adminToken)).send({ name: 'x', scopes: ['everything'] }).expect(400);
  });

  it('records who changed users and keys in the audit log, readable by admins', async () => {
    const audit = await app.anon.get('/api/audit').set(bearer(adminToken)).query({ actor: 'user:admin', limit: 200 }).expect(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.updated', 'api_key.created', 'api_key.revoked']));
    const failed = await app.anon.get('/api/audit').set(bearer(adminToken)).query({ action: 'auth.login_failed' }).expect(200);
    expect(failed.body.total).toBeGreaterThanOrEqual(2);
    await app.anon.get('/api/audit').set(bearer(adminToken)).query({ from: 'yesterday' }).expect(400);
  });
});
