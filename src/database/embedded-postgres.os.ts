// File-system and process helpers of the embedded PostgreSQL: ownership for the unprivileged server account, the
// postmaster liveness check, running its tools, and reading its log.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { missingSearchBit, parseProcStat, type RunAsUser } from './embedded-postgres.util';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a PostgreSQL tool (as `runAs` when given), resolving with its exit code and output. */
export function runTool(file: string, args: string[], timeout: number, runAs?: RunAsUser): Promise<RunResult> {
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

/** `chown -R`, tolerating files that a running server removes meanwhile. */
export function chownRecursive(target: string, uid: number, gid: number): void {
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
export function ensureSearchable(dir: string, user: RunAsUser): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const bit = missingSearchBit(st.mode, st, user);
    if (bit) fs.chmodSync(d, (st.mode & 0o7777) | bit);
    if (path.dirname(d) === d) break;
  }
}

/** Whether `pid` is a live (not zombie) postgres process; true when this cannot be told (no /proc). */
export function isPostgresProcess(pid: number): boolean {
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

export async function waitForConnection(url: string, timeoutMs: number): Promise<void> {
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

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export function readFrom(file: string, offset: number): string {
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

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
