// Pure helpers of the embedded PostgreSQL: server options, URLs, /etc/passwd and postmaster.pid parsing, free ports.
import * as net from 'node:net';

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

const DEFAULT_MAX_CONNECTIONS = 200;

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

/** URL of `database` as the superuser `postgres`, with its password. */
export function connectionUrl(port: number, password: string, database = 'postgres'): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
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
