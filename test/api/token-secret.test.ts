// The token-signing secret is not in the database: a login that can read every table (a leaked read-only credential)
// finds nothing to forge an admin token with. The secret of an earlier version is carried to DATA_DIR/jwt-secret, so
// tokens signed before the upgrade stay valid.
import { JwtService } from '@nestjs/jwt';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.setup';
import { carryLegacyTokenSecret } from '../../src/auth/legacy-token-secret';
import { loadConfig } from '../../src/config/app-config';
import { startTestApp, type TestApp } from '../support/app';
import { dropTestDatabase, withClient } from '../support/database';

const forge = (secret: string, sub: string) =>
  new JwtService().sign({ sub, name: 'admin', roles: ['admin'], auth_time: Math.floor(Date.now() / 1000) }, { secret, algorithm: 'HS256', expiresIn: 600 });

describe('token-signing secret', () => {
  let dataDir: string;
  let t: TestApp | undefined;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-token-secret-'))));
  afterEach(async () => {
    await t?.close();
    t = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lives in DATA_DIR/jwt-secret (owner-only), not in the database', async () => {
    t = await startTestApp({ env: { JWT_SECRET: '', DATA_DIR: dataDir } });
    const rows = await withClient(t.databaseUrl, async (c) => (await c.query(`SELECT key, value FROM settings`)).rows);
    expect(rows.filter((r) => /jwt|secret|token/i.test(r.key))).toEqual([]);
    const file = path.join(dataDir, 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const me = await t.http.get('/api/auth/me').expect(200);
    // The file really is the key: a token signed with it is accepted, one signed with anything else is not.
    await request(t.app.getHttpServer()).get('/api/users').set('Authorization', `Bearer ${forge(fs.readFileSync(file, 'utf8').trim(), me.body.id)}`).expect(200);
    await request(t.app.getHttpServer()).get('/api/users').set('Authorization', `Bearer ${forge('x'.repeat(48), me.body.id)}`).expect(401);
  });

  it('carries the secret an earlier version kept in `settings` over to the file, then removes it from the database', async () => {
    const first = await startTestApp({ env: { JWT_SECRET: '', DATA_DIR: dataDir } });
    const databaseUrl = first.databaseUrl;
    t = { ...first, close: () => dropTestDatabase(databaseUrl) };
    const me = await first.http.get('/api/auth/me').expect(200);
    await first.app.close();
    // The database as the previous version left it: the secret in `settings`, this migration not run yet.
    const legacy = 'legacy-secret-from-settings-0123456789abcdef';
    await withClient(databaseUrl, async (c) => {
      await c.query(`INSERT INTO settings (key, value) VALUES ('jwt.secret', $1)`, [legacy]);
      await c.query(`DELETE FROM migrations WHERE name = 'TokenSecretOutOfDatabase1765300000000'`);
    });
    const upgraded = path.join(dataDir, 'upgraded');
    await carryLegacyTokenSecret(loadConfig({ DATA_DIR: upgraded }), databaseUrl);
    expect(fs.readFileSync(path.join(upgraded, 'jwt-secret'), 'utf8').trim()).toBe(legacy);

    const app = await createApp({ config: loadConfig({ DATA_DIR: upgraded, LOG_LEVEL: 'silent', TIMER_POLL_MS: '0', DEPLOY_ON_BOOT: 'false' }), databaseUrl });
    await app.init();
    try {
      const left = await withClient(databaseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM settings WHERE key = 'jwt.secret'`)).rows[0].n);
      expect(left).toBe(0);
      await request(app.getHttpServer()).get('/api/users').set('Authorization', `Bearer ${forge(legacy, me.body.id)}`).expect(200);
    } finally {
      await app.close();
    }
  });
});
