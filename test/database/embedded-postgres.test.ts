// Integration: a second, private EmbeddedPostgres cluster (not the shared test cluster) — init, restart, reuse, recovery.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres, findFreePort, parsePostmasterPid } from '../../src/database/embedded-postgres';
import { withClient } from '../support/database';

const setting = (url: string, name: string) =>
  withClient(url, async (c) => (await c.query(`SELECT current_setting($1) AS v`, [name])).rows[0].v as string);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('EmbeddedPostgres (real server)', () => {
  let tempDir: string;
  let dataDir: string;
  let port: number;
  let pg: EmbeddedPostgres;

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceflow-embedded-pg-it-'));
    dataDir = path.join(tempDir, 'cluster', 'data');
    port = await findFreePort();
    pg = new EmbeddedPostgres({ dataDir, port, fsync: false });
  });

  afterAll(async () => {
    await new EmbeddedPostgres({ dataDir, port }).stop().catch(() => undefined);
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('initialises the cluster, starts it and answers queries on 127.0.0.1 only', async () => {
    const url = await pg.start();
    expect(url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${port}/postgres$`));
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres.log'))).toBe(true);

    const row = await withClient(url, async (c) => (await c.query('SELECT current_user AS u, 1 + 1 AS two')).rows[0]);
    expect(row).toEqual({ u: 'postgres', two: 2 });
    expect(await setting(url, 'listen_addresses')).toBe('127.0.0.1');
    expect(await setting(url, 'unix_socket_directories')).toBe('');
    expect(await setting(url, 'max_connections')).toBe('200');
    expect(await setting(url, 'fsync')).toBe('off');
    expect(await setting(url, 'synchronous_commit')).toBe('off');
    expect(await setting(url, 'full_page_writes')).toBe('off');
    expect(await setting(url, 'server_encoding')).toBe('UTF8');

    if (process.getuid?.() === 0) {
      // PostgreSQL refuses root: the files belong to the account the server runs as.
      expect(fs.statSync(path.join(dataDir, 'PG_VERSION')).uid).not.toBe(0);
    }
  });

  it('requires the password (SCRAM) on every connection: without it, or with a wrong one, it is refused', async () => {
    const url = new URL(pg.url());
    const without = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await expect(withClient(without, async () => undefined)).rejects.toThrow(/password/);
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    await expect(withClient(wrong.toString(), async () => undefined)).rejects.toThrow(/password authentication failed/);
    for (const user of ['nobody', 'serviceflow']) {
      await expect(withClient(`postgres://${user}@127.0.0.1:${port}/postgres`, async () => undefined)).rejects.toThrow();
    }
    const method = await withClient(url.toString(), async (c) => (await c.query(`SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = 'postgres'`)).rows[0].scram);
    expect(method).toBe(true);
    const rules = await withClient(url.toString(), async (c) => (await c.query('SELECT type, address, auth_method FROM pg_hba_file_rules')).rows);
    expect(rules).toEqual([{ type: 'host', address: '127.0.0.1', auth_method: 'scram-sha-256' }]);
    const passwordFile = path.join(path.dirname(dataDir), 'pg-password');
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
  });

  it('keeps data across stop and start on the same dataDir', async () => {
    await withClient(pg.url(), async (c) => {
      await c.query('CREATE TABLE kept (id int PRIMARY KEY, note text)');
      await c.query("INSERT INTO kept VALUES (1, 'survives a restart')");
    });
    await pg.stop();
    expect(await pg.isRunning()).toBe(false);
    await expect(withClient(pg.url(), async () => undefined)).rejects.toThrow();
    await pg.stop(); // stopping a stopped cluster is a no-op

    const again = new EmbeddedPostgres({ dataDir, port, fsync: false });
    const url = await again.start();
    const rows = await withClient(url, async (c) => (await c.query('SELECT note FROM kept')).rows);
    expect(rows).toEqual([{ note: 'survives a restart' }]);
  });

  it('reuses the server already running on the dataDir (and reports its real port)', async () => {
    const other = new EmbeddedPostgres({ dataDir, port: await findFreePort(), fsync: false });
    await expect(other.start()).resolves.toBe(pg.url());
    expect(other.port).toBe(port);
  });

  it('creates and drops databases', async () => {
    const url = await pg.createDatabase('it_created');
    expect(url).toBe(pg.url('it_created'));
    expect(await withClient(url, async (c) => (await c.query('SELECT current_database() AS d')).rows[0].d)).toBe(
      'it_created',
    );
    await pg.dropDatabase('it_created');
    await expect(withClient(url, async () => undefined)).rejects.toThrow(/does not exist/);
  });

  it('starts over a stale postmaster.pid whose process is gone', async () => {
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const stale = fs.readFileSync(pidFile);
    const stat = fs.statSync(pidFile);
    await pg.stop();
    fs.writeFileSync(pidFile, stale);
    fs.chownSync(pidFile, stat.uid, stat.gid);

    const url = await new EmbeddedPostgres({ dataDir, port, fsync: false }).start();
    expect(await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM kept')).rows[0].n)).toBe(1);
  });

  it('recovers after the postmaster was killed with SIGKILL', async () => {
    const { pid } = parsePostmasterPid(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8'))!;
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(isAlive(pid)).toBe(false);

    const url = await new EmbeddedPostgres({ dataDir, port, fsync: false }).start();
    expect(await withClient(url, async (c) => (await c.query('SELECT note FROM kept')).rows[0].note)).toBe(
      'survives a restart',
    );
  });

  it('refuses a non-empty directory that is not a cluster, and reports a busy port with the server log', async () => {
    const foreign = path.join(tempDir, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'keep.txt'), 'mine');
    await expect(new EmbeddedPostgres({ dataDir: foreign, port: await findFreePort() }).start()).rejects.toThrow(
      /neither empty nor a PostgreSQL data directory/,
    );
    expect(fs.statSync(path.join(foreign, 'keep.txt')).uid).toBe(process.getuid?.() ?? 0);

    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const busy = new EmbeddedPostgres({ dataDir: path.join(tempDir, 'busy'), port: busyPort, fsync: false });
      await expect(busy.start()).rejects.toThrow(/Address already in use/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
