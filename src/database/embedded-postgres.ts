// EmbeddedPostgres: a local PostgreSQL cluster (initdb + pg_ctl) from the npm registry's binaries, password-protected
// and on 127.0.0.1 only, for `npm start`, the tests and the bench. It outlives a kill -9 of its owner and is reused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { inspectDataDir, readOrCreatePassword, writeInitdbPasswordFile, writePgHba } from './cluster-files';
import { buildServerOptions, connectionUrl, parsePostmasterPid, pickRunAsUser, quoteIdent, type PostmasterPid, type RunAsUser } from './embedded-postgres.util';
import { chownRecursive, delay, ensureSearchable, fileSize, isPostgresProcess, readFrom, runTool, tail, waitForConnection } from './embedded-postgres.os';
import { postgresBinaries } from './postgres-binaries';

export * from './embedded-postgres.util';
export { LegacyDataDirError } from './cluster-files';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created (initdb) when it holds no PG_VERSION yet. */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** false → fsync, synchronous_commit and full_page_writes off (throwaway clusters only). Default true. */
  fsync?: boolean;
  /** Server log; default `<dataDir>/postgres.log`. */
  logFile?: string;
  /** The superuser's password, generated at initdb (mode 0600); default `<parent of dataDir>/pg-password`. */
  passwordFile?: string;
  /** Default 200. */
  maxConnections?: number;
}

export class EmbeddedPostgres {
  readonly dataDir: string;
  readonly logFile: string;
  readonly passwordFile: string;
  private readonly options: EmbeddedPostgresOptions;
  private runAs?: RunAsUser | null;
  private actualPort: number;
  private password?: string;

  constructor(options: EmbeddedPostgresOptions) {
    this.options = options;
    this.dataDir = path.resolve(options.dataDir);
    this.logFile = path.resolve(options.logFile ?? path.join(this.dataDir, 'postgres.log'));
    this.passwordFile = path.resolve(options.passwordFile ?? path.join(path.dirname(this.dataDir), 'pg-password'));
    this.actualPort = options.port;
  }

  /** The port the server listens on (the running server's own port when an already running cluster was reused). */
  get port(): number {
    return this.actualPort;
  }

  /** Connection URL for `database` on this cluster (superuser `postgres` with the cluster's password). */
  url(database = 'postgres'): string {
    this.password ??= fs.readFileSync(this.passwordFile, 'utf8').trim();
    return connectionUrl(this.actualPort, this.password, database);
  }

  /**
   * Initialises the cluster when needed and starts it, or reuses the server already running on this dataDir
   * (e.g. left behind by a process that was killed). Resolves to the `postgres` database URL. A data directory this
   * version cannot open is refused with a LegacyDataDirError before anything in it is touched.
   */
  async start(): Promise<string> {
    const { binDir, major } = postgresBinaries();
    const state = inspectDataDir(this.dataDir, this.passwordFile, major);
    const runAs = this.resolveRunAs();
    this.password = readOrCreatePassword(this.passwordFile);
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (runAs) {
      chownRecursive(this.dataDir, runAs.uid, runAs.gid);
      ensureSearchable(path.dirname(this.dataDir), runAs);
      ensureSearchable(binDir, runAs);
    }
    if (state === 'existing') {
      const running = await this.runningServer();
      if (running) {
        this.actualPort = running.port ?? this.options.port;
        await waitForConnection(this.url(), 30_000);
        return this.url();
      }
    } else {
      await this.initdb(binDir, runAs);
    }
    writePgHba(this.dataDir); // every start: exactly our rules, whatever was edited in since
    // PostgreSQL refuses a data directory readable by others.
    const mode = fs.statSync(this.dataDir).mode & 0o777;
    if (mode & 0o027) fs.chmodSync(this.dataDir, 0o700);
    this.prepareLogFile(runAs);
    this.actualPort = this.options.port;
    return this.pgCtlStart(binDir);
  }

  /** `pg_ctl stop -m fast -w`; a no-op when the cluster is not running. */
  async stop(): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) return;
    if (!(await this.runningServer())) return;
    const result = await this.tool('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], 90_000);
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

  private async initdb(binDir: string, runAs: RunAsUser | undefined): Promise<void> {
    const pw = writeInitdbPasswordFile(this.password!, runAs);
    try {
      const args = ['-D', this.dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pw.file}`, '-E', 'UTF8', '--locale=C'];
      const init = await this.tool('initdb', args, 180_000, binDir);
      if (init.code !== 0) throw new Error(`initdb failed for ${this.dataDir} (exit ${init.code}):\n${(init.stderr || init.stdout).trim()}`);
    } finally {
      pw.remove();
    }
  }

  private async pgCtlStart(binDir: string): Promise<string> {
    const serverOptions = buildServerOptions({ port: this.options.port, fsync: this.options.fsync, maxConnections: this.options.maxConnections });
    // Retries cover a postmaster that was just killed: its children may still hold the shared memory for a moment.
    for (let attempt = 1; ; attempt++) {
      const logOffset = fileSize(this.logFile);
      const args = ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', '-o', serverOptions, 'start'];
      const result = await this.tool('pg_ctl', args, 120_000, binDir);
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

  private async query(sql: string): Promise<void> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  private tool(name: 'initdb' | 'pg_ctl', args: string[], timeout: number, binDir = postgresBinaries().binDir) {
    return runTool(path.join(binDir, name), args, timeout, this.resolveRunAs());
  }

  private resolveRunAs(): RunAsUser | undefined {
    if (this.runAs === undefined) {
      let passwd = '';
      if (process.getuid?.() === 0) {
        try {
          passwd = fs.readFileSync('/etc/passwd', 'utf8');
        } catch {
          // fall through to nobody
        }
      }
      this.runAs = process.getuid?.() === 0 ? pickRunAsUser(passwd) : null;
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
    const status = await this.tool('pg_ctl', ['-D', this.dataDir, 'status'], 30_000);
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
    fs.chmodSync(this.logFile, 0o600); // failed statements in the log may quote customer data
    if (runAs) {
      fs.chownSync(this.logFile, runAs.uid, runAs.gid);
      ensureSearchable(dir, runAs);
    }
  }
}
