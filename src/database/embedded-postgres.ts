// EmbeddedPostgres: runs a local PostgreSQL cluster (initdb + pg_ctl) from the machine's own server binaries, for tests and dev.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created (initdb) when it holds no PG_VERSION yet. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** false → fsync, synchronous_commit and full_page_writes off (throwaway clusters only). Default true. */
  fsync?: boolean;
  /** Server log; default `<dataDir>/postgres.log`. */
  logFile?: string;
  /** Directory holding initdb/pg_ctl/postgres; default: found by {@link findPgBinDir}. */
  binDir?: string;
  /** Default 200. */
  maxConnections?: number;
}

/** The OS account the server processes run as (only set when we are root: PostgreSQL refuses to run as root). */
export interface RunAsUser {
  name: string;
  uid: number;
  gid: number;
}

/** What the postmaster wrote into `<dataDir>/postmaster.pid`. */
export interface PostmasterPid {
  pid: number;
  dataDir?: string;
  port?: number;
  status?: string;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const DEFAULT_PG_ROOT = '/usr/lib/postgresql';
const DEFAULT_MAX_CONNECTIONS = 200;

export const PG_BINARIES_MISSING_MESSAGE =
  'PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found in /usr/lib/postgresql/<version>/bin or on PATH. ' +
  'Install them with `apt-get install -y postgresql` (Debian/Ubuntu), or set DATABASE_URL to use an existing PostgreSQL server.';

// ---------------------------------------------------------------------------------------------------------------------
// Pure helpers (unit-tested in embedded-postgres.spec.ts)
// ---------------------------------------------------------------------------------------------------------------------

/** Compares PostgreSQL major-version directory names numerically ("9.6" < "10" < "15"); non-numeric names sort first. */
export function compareVersionNames(a: string, b: string): number {
  const parts = (v: string): number[] => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : [-1]);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface FindPgBinDirDeps {
  /** Directory holding one sub-directory per major version. Default `/usr/lib/postgresql`. */
  pgRoot?: string;
  /** PATH to search for pg_ctl when pgRoot has nothing usable. Default `process.env.PATH`. */
  pathEnv?: string;
  isExecutable?: (file: string) => boolean;
  listDir?: (dir: string) => string[];
  realpath?: (file: string) => string;
}

function defaultIsExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function defaultListDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Finds the directory with initdb/pg_ctl/postgres: the highest `<pgRoot>/<version>/bin`, else the (symlink-resolved)
 * directory of the first `pg_ctl` on PATH. Returns undefined when there is none.
 */
export function findPgBinDir(deps: FindPgBinDirDeps = {}): string | undefined {
  const pgRoot = deps.pgRoot ?? DEFAULT_PG_ROOT;
  const pathEnv = deps.pathEnv ?? process.env.PATH ?? '';
  const isExecutable = deps.isExecutable ?? defaultIsExecutable;
  const listDir = deps.listDir ?? defaultListDir;
  const realpath = deps.realpath ?? ((f: string) => fs.realpathSync(f));
  const complete = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => isExecutable(path.join(dir, b)));

  const versions = listDir(pgRoot)
    .filter((v) => /^\d+(\.\d+)*$/.test(v))
    .sort(compareVersionNames)
    .reverse();
  for (const version of versions) {
    const dir = path.join(pgRoot, version, 'bin');
    if (complete(dir)) return dir;
  }

  for (const entry of pathEnv.split(path.delimiter)) {
    if (!entry) continue;
    const candidate = path.join(entry, 'pg_ctl');
    if (!isExecutable(candidate)) continue;
    let dir: string;
    try {
      dir = path.dirname(realpath(candidate));
    } catch {
      dir = entry;
    }
    if (complete(dir)) return dir;
  }
  return undefined;
}

/** Like {@link findPgBinDir} but throws an Error that says what to install. */
export function requirePgBinDir(deps: FindPgBinDirDeps = {}): string {
  const dir = findPgBinDir(deps);
  if (!dir) throw new Error(PG_BINARIES_MISSING_MESSAGE);
  return dir;
}

/** The `pg_ctl -o` string: TCP on 127.0.0.1 only, no unix sockets, optional durability shortcuts. */
export function buildServerOptions(opts: { port: number; fsync?: boolean; maxConnections?: number }): string {
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) {
    throw new Error(`Invalid PostgreSQL port: ${opts.port}`);
  }
  const parts = [
    `-p ${opts.port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    `-c max_connections=${opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS}`,
  ];
  if (opts.fsync === false) {
    parts.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  }
  return parts.join(' ');
}

export function connectionUrl(port: number, database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Finds `name` in /etc/passwd-formatted text. */
export function parsePasswd(text: string, name: string): RunAsUser | undefined {
  for (const line of text.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined && /^\d+$/.test(uid) && /^\d+$/.test(gid)) {
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return undefined;
}

/** The `postmaster` account to run as: `postgres`, else `nobody`. */
export function pickRunAsUser(passwdText: string): RunAsUser {
  return (
    parsePasswd(passwdText, 'postgres') ??
    parsePasswd(passwdText, 'nobody') ?? { name: 'nobody', uid: 65534, gid: 65534 }
  );
}

/** Parses postmaster.pid (line 1 pid, 2 data dir, 4 port, 8 status). */
export function parsePostmasterPid(text: string): PostmasterPid | undefined {
  const lines = text.split('\n');
  const pid = Number(lines[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const port = Number(lines[3]?.trim());
  return {
    pid,
    dataDir: lines[1]?.trim() || undefined,
    port: Number.isInteger(port) && port > 0 ? port : undefined,
    status: lines[7]?.trim() || undefined,
  };
}

/**
 * The permission bit that lets (uid, gid) search a directory owned by (ownerUid, ownerGid) with `mode`,
 * or 0 when it already can (supplementary groups are ignored, so this may ask for o+x needlessly, never wrongly).
 */
export function missingSearchBit(
  mode: number,
  owner: { uid: number; gid: number },
  user: { uid: number; gid: number },
): number {
  const bit = owner.uid === user.uid ? 0o100 : owner.gid === user.gid ? 0o010 : 0o001;
  return mode & bit ? 0 : bit;
}

/** Parses `/proc/<pid>/stat`: "pid (comm) state ..." where comm may itself contain spaces and parentheses. */
export function parseProcStat(text: string): { comm: string; state: string } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const state = text.slice(close + 1).trim().split(/\s+/)[0];
  return state ? { comm: text.slice(open + 1, close), state } : undefined;
}

export function quoteIdent(name: string): string {
  if (!name || name.includes('\0')) throw new Error(`Invalid identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A TCP port that was free on 127.0.0.1 a moment ago (bind port 0, read it, close). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not determine a free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// EmbeddedPostgres
// ---------------------------------------------------------------------------------------------------------------------

export class EmbeddedPostgres {
  readonly dataDir: string;
  readonly logFile: string;
  private readonly options: EmbeddedPostgresOptions;
  private binDir?: string;
  private runAs?: RunAsUser | null;
  private actualPort: number;

  constructor(options: EmbeddedPostgresOptions) {
    this.options = options;
    this.dataDir = path.resolve(options.dataDir);
    this.logFile = path.resolve(options.logFile ?? path.join(this.dataDir, 'postgres.log'));
    this.actualPort = options.port;
  }

  /** The port the server listens on (the running server's own port when an already running cluster was reused). */
  get port(): number {
    return this.actualPort;
  }

  /** Connection URL for `database` on this cluster (superuser `postgres`, trust auth). */
  url(database = 'postgres'): string {
    return connectionUrl(this.actualPort, database);
  }

  /**
   * Initialises the cluster when needed and starts it, or reuses the server already running on this dataDir
   * (e.g. left behind by a process that was killed). Resolves to the `postgres` database URL.
   */
  async start(): Promise<string> {
    const binDir = this.resolveBinDir();
    const runAs = this.resolveRunAs();

    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const hasCluster = fs.existsSync(path.join(this.dataDir, 'PG_VERSION'));
    if (!hasCluster && fs.readdirSync(this.dataDir).length > 0) {
      // Never initdb into, or chown, a directory that holds something else.
      throw new Error(`${this.dataDir} is neither empty nor a PostgreSQL data directory (no PG_VERSION)`);
    }
    if (runAs) {
      chownRecursive(this.dataDir, runAs.uid, runAs.gid);
      ensureSearchable(path.dirname(this.dataDir), runAs);
    }

    if (hasCluster) {
      const running = await this.runningServer();
      if (running) {
        this.actualPort = running.port ?? this.options.port;
        await waitForConnection(this.url(), 30_000);
        return this.url();
      }
    } else {
      const init = await this.exec(path.join(binDir, 'initdb'), [
        '-D',
        this.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C',
      ], 180_000);
      if (init.code !== 0) {
        throw new Error(`initdb failed for ${this.dataDir} (exit ${init.code}):\n${(init.stderr || init.stdout).trim()}`);
      }
    }

    // PostgreSQL refuses a data directory readable by others.
    const mode = fs.statSync(this.dataDir).mode & 0o777;
    if (mode & 0o027) fs.chmodSync(this.dataDir, 0o700);
    this.prepareLogFile(runAs);

    this.actualPort = this.options.port;
    const serverOptions = buildServerOptions({
      port: this.options.port,
      fsync: this.options.fsync,
      maxConnections: this.options.maxConnections,
    });

    // Retries cover a postmaster that was just killed: its children may still hold the shared memory for a moment.
    for (let attempt = 1; ; attempt++) {
      const logOffset = fileSize(this.logFile);
      const result = await this.exec(
        path.join(binDir, 'pg_ctl'),
        ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', '-o', serverOptions, 'start'],
        120_000,
      );
      if (result.code === 0) return this.url();
      const log = readFrom(this.logFile, logOffset);
      const transient = /pre-existing shared memory block|lock file .* already exists/i.test(log);
      if (!transient || attempt >= 5) {
        throw new Error(
          `pg_ctl start failed for ${this.dataDir} on port ${this.options.port} (exit ${result.code}):\n` +
            `${(result.stderr || result.stdout).trim()}\n--- ${this.logFile} ---\n${tail(log, 30)}`,
        );
      }
      await delay(500 * attempt);
    }
  }

  /** `pg_ctl stop -m fast -w`; a no-op when the cluster is not running. */
  async stop(): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) return;
    if (!(await this.runningServer())) return;
    const result = await this.exec(
      path.join(this.resolveBinDir(), 'pg_ctl'),
      ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'],
      90_000,
    );
    if (result.code !== 0) {
      throw new Error(`pg_ctl stop failed for ${this.dataDir} (exit ${result.code}):\n${(result.stderr || result.stdout).trim()}`);
    }
  }

  /** Whether a server is running on this dataDir. */
  async isRunning(): Promise<boolean> {
    return (await this.runningServer()) !== undefined;
  }

  /** Creates an empty database and resolves to its URL. */
  async createDatabase(name: string): Promise<string> {
    await this.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return this.url(name);
  }

  /** Drops a database, disconnecting its sessions (PostgreSQL 13+). */
  async dropDatabase(name: string): Promise<void> {
    await this.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }

  private async query(sql: string): Promise<void> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  private resolveBinDir(): string {
    this.binDir ??= this.options.binDir ?? requirePgBinDir();
    return this.binDir;
  }

  private resolveRunAs(): RunAsUser | undefined {
    if (this.runAs === undefined) {
      if (process.getuid?.() === 0) {
        let passwd = '';
        try {
          passwd = fs.readFileSync('/etc/passwd', 'utf8');
        } catch {
          // fall through to nobody
        }
        this.runAs = pickRunAsUser(passwd);
      } else {
        this.runAs = null;
      }
    }
    return this.runAs ?? undefined;
  }

  /**
   * The postmaster of this dataDir when one is alive. A postmaster.pid whose process is gone is left to pg_ctl and the
   * server (both ignore it); one whose PID now belongs to some other program is removed here, since the server would
   * otherwise refuse to start when that program runs under the same account.
   */
  private async runningServer(): Promise<PostmasterPid | undefined> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    let text: string;
    try {
      text = fs.readFileSync(pidFile, 'utf8');
    } catch {
      return undefined;
    }
    const info = parsePostmasterPid(text);
    const status = await this.exec(path.join(this.resolveBinDir(), 'pg_ctl'), ['-D', this.dataDir, 'status'], 30_000);
    if (status.code !== 0 || !info) return undefined; // 3 = not running
    if (!isPostgresProcess(info.pid)) {
      fs.rmSync(pidFile, { force: true });
      return undefined;
    }
    return info;
  }

  private prepareLogFile(runAs: RunAsUser | undefined): void {
    const dir = path.dirname(this.logFile);
    fs.mkdirSync(dir, { recursive: true });
    fs.closeSync(fs.openSync(this.logFile, 'a'));
    if (runAs) {
      fs.chownSync(this.logFile, runAs.uid, runAs.gid);
      ensureSearchable(dir, runAs);
    }
  }

  private exec(file: string, args: string[], timeout: number): Promise<RunResult> {
    const runAs = this.resolveRunAs();
    const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
    delete env.PGDATA;
    delete env.PGPORT;
    if (runAs) env.HOME = '/';
    return new Promise((resolve, reject) => {
      execFile(
        file,
        args,
        { cwd: '/', env, timeout, maxBuffer: 16 * 1024 * 1024, ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            reject(new Error(`Could not run ${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
            return;
          }
          resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) });
        },
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// File-system and process helpers
// ---------------------------------------------------------------------------------------------------------------------

/** `chown -R`, tolerating files that a running server removes meanwhile. */
function chownRecursive(target: string, uid: number, gid: number): void {
  try {
    const st = fs.lstatSync(target);
    if (st.uid !== uid || st.gid !== gid) fs.lchownSync(target, uid, gid);
    if (st.isDirectory()) {
      for (const entry of fs.readdirSync(target)) chownRecursive(path.join(target, entry), uid, gid);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Adds the missing search (x) bit on `dir` and each ancestor so that `user` can reach what lies below. */
function ensureSearchable(dir: string, user: RunAsUser): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const bit = missingSearchBit(st.mode, st, user);
    if (bit) fs.chmodSync(d, (st.mode & 0o7777) | bit);
    if (path.dirname(d) === d) break;
  }
}

/** Whether `pid` is a live (not zombie) postgres process; true when this cannot be told (no /proc). */
function isPostgresProcess(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    // No /proc (not Linux): trust pg_ctl. Process gone meanwhile: not running.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync('/proc/self');
  }
  const info = parseProcStat(stat);
  if (!info) return true;
  // A postmaster that has exited but is not reaped yet is a zombie that kill(pid, 0) still reports as alive.
  return info.state !== 'Z' && info.state !== 'X' && /^(postgres|postmaster)/.test(info.comm);
}

async function waitForConnection(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL at ${url} is running but not accepting connections: ${(error as Error).message}`);
      }
      await delay(250);
    }
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
