// parseMultiHostUrl: libpq-style host lists reduced to what node-postgres parses.
import { parseMultiHostUrl } from './multi-host-url.util';

describe('parseMultiHostUrl', () => {
  it('splits a host list and drops target_session_attrs from the one-host URL', () => {
    // when
    const parsed = parseMultiHostUrl('postgres://app:s3cret@db1:5432,db2:5433/serviceflow?target_session_attrs=read-write&sslmode=disable');
    // then
    expect(parsed.hosts).toEqual([{ host: 'db1', port: 5432 }, { host: 'db2', port: 5433 }]);
    expect(parsed.readWrite).toBe(true);
    expect(parsed.url).toBe('postgres://app:s3cret@db1:5432/serviceflow?sslmode=disable');
  });

  it('leaves an ordinary URL as it is, with the default port where none is given', () => {
    const parsed = parseMultiHostUrl('postgresql://localhost/serviceflow');
    expect(parsed).toEqual({ hosts: [{ host: 'localhost', port: 5432 }], url: 'postgresql://localhost/serviceflow', readWrite: false });
  });

  it('reads bracketed IPv6 hosts and target_session_attrs=primary', () => {
    const parsed = parseMultiHostUrl('postgres://[::1]:6001,[::1]:6002/db?target_session_attrs=primary');
    expect(parsed.hosts).toEqual([{ host: '::1', port: 6001 }, { host: '::1', port: 6002 }]);
    expect(parsed.readWrite).toBe(true);
  });
});
