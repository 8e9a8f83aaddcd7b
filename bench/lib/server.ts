// The real server as a child process for the bench (like test/support/server-process.ts, plus its pid tree for RSS).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';
import { SERVER_ADMIN_PASSWORD, SERVER_JWT_SECRET } from '../../test/support/server-auth';

const ROOT = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const running = new Set<BenchServer>();

export class BenchServer {
  private readonly output: string[] = [];
  /** The workers' full collections, when the server runs with --trace-gc (the last 200 output lines would lose them). */
  readonly fullCollections: string[] = [];
  private readonly exited: Promise<void>;
  private exitStatus: string | undefined;

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string, private readonly dataDir: string) {
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      this.output.push(...lines);
      this.fullCollections.push(...lines.filter((line) => line.includes('Mark-Compact')));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done(void (this.exitStatus = String(signal ?? code)))));
  }

  /** Boots the built server (`dist/main.js`, what `npm start` runs; `npm run bench` builds it first) on a free port
   * against `databaseUrl`; WEB_CONCURRENCY and other settings pass through from env. nodeArgs e.g. ['--cpu-prof']. */
  static async start(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchServer> {
    const port = await findFreePort();
    const dataDir = join(tmpdir(), `serviceflow-bench-server-${port}`);
    // detached: its own process group, so cluster workers can be stopped with it.
    const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0', ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD, JWT_SECRET: SERVER_JWT_SECRET, ACCESS_TOKEN_TTL_S: '86400',
        PROCESSES_DIR: resolve(ROOT, 'processes'), DATA_DIR: dataDir, ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new BenchServer(child, `http://127.0.0.1:${port}`, dataDir);
    running.add(server);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (!server.running) throw new Error(`the server exited (${server.exitStatus}) while booting:\n${server.log()}`);
      if (await fetch(`${server.baseUrl}/health`).then((r) => r.ok, () => false)) return server;
      await sleep(200);
    }
    await server.stop();
    throw new Error(`the server did not answer /health within 90 s:\n${server.log()}`);
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  get pid(): number {
    return this.child.pid!;
  }

  log(): string {
    return this.output.join('\n');
  }

  /** Resident memory of the server and every process below it (cluster workers), in MB. */
  rssMb(): number {
    const pids = [this.pid, ...descendants(this.pid)];
    const kb = pids.reduce((sum, pid) => sum + vmRssKb(pid), 0);
    return Math.round(kb / 102.4) / 10;
  }

  /** CPU time (user + system) of the server and every process below it so far, in ms. */
  cpuMs(): number {
    return treeCpuMs(this.pid);
  }

  processCount(): number {
    return 1 + descendants(this.pid).length;
  }

  /** SIGTERM to the process group, SIGKILL after 10 s. */
  async stop(): Promise<void> {
    running.delete(this);
    if (this.running) {
      signalGroup(this.pid, 'SIGTERM');
      const timeout = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), 10_000);
      await this.exited.finally(() => clearTimeout(timeout));
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The last output lines of every server still running (for the report of a failed bench). */
export function runningServerLogs(): string {
  return [...running].map((s) => `--- server ${s.baseUrl} (last lines) ---\n${s.log().split('\n').slice(-40).join('\n')}`).join('\n');
}

/** Stops every server still running (Ctrl-C, failure). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) if (parent === pid) found.push(child), walk(child);
  };
  walk(root);
  return found;
}

/**
 * CPU time (user + system, in ms) of `root` and the processes below it, the live ones and those that exited and were
 * reaped (a closed connection's backend), from /proc in clock ticks of 10 ms.
 */
export function treeCpuMs(root: number): number {
  return [root, ...descendants(root)].reduce((sum, pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

function vmRssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
