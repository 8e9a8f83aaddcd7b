// A pg_auto_failover formation on loopback for the failover test: a monitor, a primary and a synchronous standby,
// each its own PostgreSQL cluster and `pg_autoctl run` process under one temporary directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../src/database/embedded-postgres';

const PG_BIN = '/usr/lib/postgresql/15/bin';
export const DATABASE = 'serviceflow';

/**
 * Monitor settings for a test that must finish in minutes: a node is declared unhealthy after ~3 s instead of 20 s,
 * and the monitor waits 5 s (not 30 s) for a lost primary to demote itself before promoting the standby. Production
 * keeps the defaults (see the README): a short demote timeout is only safe when the old primary is surely dead.
 */
const FAST_MONITOR = {
  health_check_period: 1000,
  health_check_retry_delay: 500,
  health_check_max_retries: 1,
  health_check_timeout: 1000,
  node_considered_unhealthy_timeout: 3000,
  primary_demote_timeout: 5000,
};

export interface Node {
  name: string;
  port: number;
  pgdata: string;
  process?: ChildProcess;
}

export class Formation {
  readonly nodes: Node[] = [];
  private monitorNode?: Node;

  private constructor(readonly dir: string) {}

  /** pg_autoctl refuses to run as root: as root every command runs as the `postgres` user (made by the Debian package). */
  static async create(): Promise<Formation> {
    if (!existsSync('/usr/bin/pg_autoctl')) throw new Error('pg_autoctl is missing: apt-get install postgresql-15-auto-failover (.ci/run does)');
    const f = new Formation(mkdtempSync(join(tmpdir(), 'serviceflow-ha-')));
    if (process.getuid?.() === 0) chownSync(f.dir, uid('postgres'), gid('postgres'));
    return f;
  }

  get monitorUrl(): string {
    return `postgres://autoctl_node@127.0.0.1:${this.monitorNode!.port}/pg_auto_failover?sslmode=disable`;
  }

  /** libpq-style URL of the formation, as `pg_autoctl show uri --formation default` prints it. */
  get appUrl(): string {
    return `postgres://postgres@${this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}/${DATABASE}?target_session_attrs=read-write`;
  }

  nodeUrl(node: Node): string {
    return `postgres://postgres@127.0.0.1:${node.port}/${DATABASE}`;
  }

  async startMonitor(): Promise<void> {
    const node: Node = { name: 'monitor', port: await findFreePort(), pgdata: join(this.dir, 'monitor') };
    this.autoctl(['create', 'monitor', '--pgdata', node.pgdata, '--pgport', String(node.port), '--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl']);
    this.run(node);
    this.monitorNode = node;
    await this.waitFor(async () => (await this.monitorQuery('SELECT 1')).length === 1, 30_000, 'the monitor to accept connections');
    for (const [name, value] of Object.entries(FAST_MONITOR)) await this.monitorQuery(`ALTER SYSTEM SET pgautofailover.${name} = ${value}`, 'postgres');
    await this.monitorQuery('SELECT pg_reload_conf()', 'postgres');
  }

  /** A data node; the first becomes primary, the next one its synchronous standby (number_sync_standbys 1 by default). */
  async addNode(name: string): Promise<Node> {
    const node: Node = { name, port: await findFreePort(), pgdata: join(this.dir, name) };
    this.autoctl(['create', 'postgres', '--pgdata', node.pgdata, '--pgport', String(node.port), '--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl', '--name', name, '--dbname', DATABASE, '--monitor', this.monitorUrl]);
    this.run(node);
    this.nodes.push(node);
    return node;
  }

  /** Waits until the monitor reports exactly these states, e.g. { n1: 'primary', n2: 'secondary' }. */
  async waitForStates(states: Record<string, string>, timeoutMs: number): Promise<void> {
    await this.waitFor(async () => {
      const rows = await this.monitorQuery(`SELECT nodename AS name, reportedstate::text AS reported, goalstate::text AS goal FROM pgautofailover.node`);
      return Object.entries(states).every(([name, state]) => rows.some((r) => r.name === name && r.reported === state && r.goal === state));
    }, timeoutMs, `states ${JSON.stringify(states)}`);
  }

  async primary(): Promise<Node> {
    const rows = await this.monitorQuery(`SELECT nodename AS name FROM pgautofailover.node WHERE goalstate IN ('primary', 'wait_primary', 'single') AND reportedstate = goalstate`);
    const node = this.nodes.find((n) => n.name === rows[0]?.name);
    if (!node) throw new Error('no primary');
    return node;
  }

  /**
   * The machine dies: kill -9 the postmaster, then its pg_autoctl (which would otherwise restart the postmaster at
   * once, and pg_auto_failover rightly keeps a primary that comes back within seconds).
   */
  killNode(node: Node): void {
    const postmaster = Number(readFileSync(join(node.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    if (node.process?.pid) process.kill(-node.process.pid, 'SIGKILL');
  }

  /** Stops every process this formation started (each in its own process group) and removes the directory. */
  async destroy(): Promise<void> {
    for (const node of [...this.nodes, this.monitorNode].filter((n): n is Node => !!n)) {
      if (node.process?.pid && node.process.exitCode === null && node.process.signalCode === null) {
        try {
          process.kill(-node.process.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
    await new Promise((done) => setTimeout(done, 3000));
    for (const node of [...this.nodes, this.monitorNode].filter((n): n is Node => !!n)) {
      if (existsSync(join(node.pgdata, 'postmaster.pid'))) {
        const pid = Number(readFileSync(join(node.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      if (node.process?.pid) {
        try {
          process.kill(-node.process.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  async monitorQuery(sql: string, user = 'autoctl_node'): Promise<Record<string, any>[]> {
    const client = new Client({ host: '127.0.0.1', port: this.monitorNode!.port, user, database: 'pg_auto_failover', connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query(sql)).rows;
    } catch {
      return [];
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private autoctl(args: string[]): void {
    const [cmd, argv] = this.command(args);
    const out = spawnSync(cmd, argv, { env: this.env(), encoding: 'utf8', timeout: 120_000 });
    if (out.status !== 0) throw new Error(`pg_autoctl ${args.slice(0, 2).join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
  }

  private run(node: Node): void {
    const [cmd, argv] = this.command(['run', '--pgdata', node.pgdata]);
    const log = join(this.dir, `${node.name}.log`);
    // Its own process group (detached), so that killNode and destroy reach pg_autoctl's sub-processes too.
    node.process = spawn('/bin/sh', ['-c', `exec "$0" "$@" >>'${log}' 2>&1`, cmd, ...argv], { env: this.env(), detached: true, stdio: 'ignore' });
  }

  private command(args: string[]): [string, string[]] {
    if (process.getuid?.() === 0) return ['/usr/sbin/runuser', ['-u', 'postgres', '--', '/usr/bin/pg_autoctl', ...args]];
    return ['/usr/bin/pg_autoctl', args];
  }

  private env(): NodeJS.ProcessEnv {
    // pg_autoctl keeps its state and config under XDG_*; inside the temporary directory nothing leaks into $HOME.
    return { PATH: `${PG_BIN}:/usr/sbin:/usr/bin:/bin`, XDG_CONFIG_HOME: join(this.dir, 'config'), XDG_DATA_HOME: join(this.dir, 'data'), PG_CONFIG: `${PG_BIN}/pg_config` };
  }

  private async waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error(`timed out waiting for ${what}; logs under ${this.dir}:\n${this.logs()}`);
  }

  logs(): string {
    return ['monitor', ...this.nodes.map((n) => n.name)]
      .map((name) => join(this.dir, `${name}.log`))
      .filter(existsSync)
      .map((file) => `--- ${file}\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  }
}

function uid(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gid(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
