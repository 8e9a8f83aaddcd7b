// The embedded cluster's files: its password (DATA_DIR, owner-only), pg_hba.conf, and the check that refuses a data
// directory this version cannot open (another major version, or the trust-auth layout of the Debian-binary version).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Host connections from 127.0.0.1 with a SCRAM password; nothing else (no trust, no unix sockets, no other hosts). */
export const PG_HBA = '# Written by ServiceFlow: password (SCRAM) connections from 127.0.0.1 only.\nhost all all 127.0.0.1/32 scram-sha-256\n';

export class LegacyDataDirError extends Error {}

/** What start() must do with `dataDir`: initialise a new cluster or open the existing one. Never modifies anything. */
export function inspectDataDir(dataDir: string, passwordFile: string, major: number): 'new' | 'existing' {
  const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (!entries.includes('PG_VERSION')) {
    // Never initdb into, or chown, a directory that holds something else.
    if (entries.length > 0) throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory (no PG_VERSION)`);
    return 'new';
  }
  const found = Number.parseInt(fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8'), 10);
  if (found !== major) throw new LegacyDataDirError(legacyMessage(dataDir, `it was made by PostgreSQL ${found}; this version runs PostgreSQL ${major}`));
  if (!fs.existsSync(passwordFile)) {
    throw new LegacyDataDirError(legacyMessage(dataDir, `it has no password file (${passwordFile}): it was made by an earlier version that let any local user in without a password`));
  }
  return 'existing';
}

function legacyMessage(dataDir: string, why: string): string {
  return (
    `The embedded database in ${dataDir} cannot be opened: ${why}. Nothing was changed or deleted. ` +
    'Move your data to the new, password-protected cluster with the steps in README.md, section "Upgrading from the ' +
    'Debian-binary version" (pg_dump with the old binaries, move the old directory aside, `npm run db`, restore), or set ' +
    'DATABASE_URL to a PostgreSQL server of your own.'
  );
}

/** The cluster password: read from `file`, or generated and written owner-only (0600) when there is none yet. */
export function readOrCreatePassword(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  // 'wx': two processes racing here must not overwrite each other's password.
  try {
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
  return password;
}

/** Writes the password where initdb (running as `owner`) can read it, in a private directory; returns the path. */
export function writeInitdbPasswordFile(password: string, owner?: { uid: number; gid: number }): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'serviceflow-initdb-'));
  const file = path.join(dir, 'pw');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (owner) {
    fs.chownSync(dir, owner.uid, owner.gid);
    fs.chownSync(file, owner.uid, owner.gid);
  }
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces initdb's pg_hba.conf (which has local/trust-style lines) with {@link PG_HBA}, keeping its owner. */
export function writePgHba(dataDir: string): void {
  const file = path.join(dataDir, 'pg_hba.conf');
  const { uid, gid } = fs.statSync(file);
  fs.writeFileSync(file, PG_HBA, { mode: 0o600 });
  fs.chownSync(file, uid, gid);
}
