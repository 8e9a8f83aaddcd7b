import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LegacyDataDirError, PG_HBA, inspectDataDir, readOrCreatePassword } from './cluster-files';

describe('cluster files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-cluster-files-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates the password once, owner-only, and reads it back', () => {
    const file = path.join(dir, 'pg-password');
    const first = readOrCreatePassword(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreatePassword(file)).toBe(first);
  });

  it('allows only SCRAM from 127.0.0.1 in pg_hba.conf', () => {
    const rules = PG_HBA.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual(['host all all 127.0.0.1/32 scram-sha-256']);
  });

  it('initialises an empty or missing directory, refuses a foreign one', () => {
    expect(inspectDataDir(path.join(dir, 'none'), path.join(dir, 'pw'), 18)).toBe('new');
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    expect(() => inspectDataDir(dir, path.join(dir, 'pw'), 18)).toThrow(/neither empty nor a PostgreSQL data directory/);
  });

  it('refuses another major version and a cluster without its password file, naming the README steps', () => {
    const pg = path.join(dir, 'pg');
    fs.mkdirSync(pg);
    fs.writeFileSync(path.join(pg, 'PG_VERSION'), '15\n');
    expect(() => inspectDataDir(pg, path.join(dir, 'pw'), 18)).toThrow(LegacyDataDirError);
    expect(() => inspectDataDir(pg, path.join(dir, 'pw'), 18)).toThrow(/made by PostgreSQL 15.*Upgrading from the Debian-binary version/);
    fs.writeFileSync(path.join(pg, 'PG_VERSION'), '18\n');
    expect(() => inspectDataDir(pg, path.join(dir, 'pw'), 18)).toThrow(/no password file/);
    fs.writeFileSync(path.join(dir, 'pw'), 'secret\n');
    expect(inspectDataDir(pg, path.join(dir, 'pw'), 18)).toBe('existing');
  });
});
