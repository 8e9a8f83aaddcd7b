// A real server as a child process (`node -r ts-node/register/transpile-only src/main.ts`): for crash, restart and
// multi-replica tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';
import { SERVER_ADMIN_PASSWORD, SERVER_JWT_SECRET } from './server-auth';

const ROOT = resolve(__dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The server under test: `node -r ts-node/register/transpile-only src/main.ts` (SWC transpiles; no build needed). */
export class ServerProcess {
  private readonly output: string[] = [];
  /** Error-level log lines (pino level 50), kept apart from the last-100-lines window; at most 200. */
  readonly errors: string[] = [];
  private readonly exited: Promise<void>;
  private exit: string | undefined;

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string) {
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      this.output.push(...lines);
      this.errors.push(...lines.filter((l) => l.includes('"level":50')).slice(0, 200 - this.errors.length));
      if (this.output.length > 100) this.output.splice(0, this.output.length - 100);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done(void (this.exit = String(signal ?? code)))));
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}, bootTimeoutMs = 45_000): Promise<ServerProcess> {
    const port = await findFreePort();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_SWC: 'true', DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(ROOT, 'processes'), DATA_DIR: join(tmpdir(), `serviceflow-server-${port}`), ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD, JWT_SECRET: SERVER_JWT_SECRET, WEB_CONCURRENCY: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + bootTimeoutMs;
    while (Date.now() < deadline) {
      if (!server.running) throw new Error(`the server exited (${server.exit}) while booting:\n${server.log()}`);
      const healthy = await fetch(`${server.baseUrl}/health`).then((r) => r.ok, () => false);
      if (healthy) return server;
      await sleep(100);
    }
    await server.kill9();
    throw new Error(`the server did not answer /health within ${bootTimeoutMs / 1000} s:\n${server.log()}`);
  }

  /** The server's process id (with several workers: the cluster primary's). */
  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  log(): string {
    return this.output.join('\n');
  }

  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop (SIGTERM), SIGKILL when it takes longer than 5 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited.finally(() => clearTimeout(timeout));
  }
}

