// `npm start` on an empty database: the admin is created once, its random password printed once and saved to
// DATA_DIR/admin-credentials (owner-only), and it signs in; a restart neither prints nor replaces it.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { ServerProcess } from '../support/server-process';

/** Waits for the start banner; the admin announcement is written with it, in the same write. */
async function announced(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!server.log().includes('ServiceFlow is running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(server.log()).toContain('ServiceFlow is running');
}

describe('first start', () => {
  let databaseUrl: string;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'serviceflow-first-start-'));
  });
  afterAll(async () => {
    await server?.kill9();
    await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the admin once and hands over its password once', async () => {
    // when
    server = await ServerProcess.start(databaseUrl, { DATA_DIR: dataDir, DEPLOY_ON_BOOT: 'false', ADMIN_PASSWORD: '' });
    const file = join(dataDir, 'admin-credentials');
    await announced(server);
    // then
    const credentials = JSON.parse(readFileSync(file, 'utf8'));
    expect(credentials).toEqual({ username: 'admin', password: expect.stringMatching(/^[\w-]{20,}$/) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(server.log()).toContain(credentials.password);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { accessToken: unknown }).accessToken).toEqual(expect.any(String));
    // when it starts again
    await server.stop();
    server = await ServerProcess.start(databaseUrl, { DATA_DIR: dataDir, DEPLOY_ON_BOOT: 'false', ADMIN_PASSWORD: '' });
    await announced(server);
    // then nothing new is printed and the saved password still works
    expect(server.log()).not.toContain('created user');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(credentials);
  });

  it('keeps an idle keep-alive connection longer than clients keep theirs, so none sends on a socket being closed', async () => {
    // given a client that keeps its connection, as fetch and proxies do (Node's server default of 5 s raced them: ECONNRESET)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () => new Promise<{ status?: number; reused: boolean }>((done, fail) => {
      const req = http.get(`${server!.baseUrl}/health`, { agent }, (res) => res.resume().on('end', () => done({ status: res.statusCode, reused: req.reusedSocket })));
      req.on('error', fail);
    });
    expect((await get()).status).toBe(200);
    // when it stays idle for longer than 5 s, then the same connection still serves the next request
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await get()).toEqual({ status: 200, reused: true });
    agent.destroy();
  });
});
