// Splits libpq's multi-host URL (postgres://u:p@h1:5432,h2:5433/db?target_session_attrs=read-write) into its hosts and
// a one-host URL that node-postgres can parse (pg-connection-string rejects a host list: "Invalid URL").
export interface HostPort {
  host: string;
  port: number;
}

export interface MultiHostUrl {
  /** The servers in the order given; one entry for an ordinary URL. */
  hosts: HostPort[];
  /** The URL with only the first host and without target_session_attrs, for pg's own parser. */
  url: string;
  /** target_session_attrs=read-write (or primary): only a server that accepts writes will do. */
  readWrite: boolean;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/;

export function parseMultiHostUrl(url: string): MultiHostUrl {
  const match = URL_PARTS.exec(url);
  if (!match) return { hosts: [], url, readWrite: false };
  const [, scheme, auth = '', hostList, rest] = match;
  const hosts = hostList.split(',').filter(Boolean).map(hostPort);
  const [path, query = ''] = splitOnce(rest, '?');
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs') ?? 'any';
  params.delete('target_session_attrs');
  const search = params.toString();
  return {
    hosts,
    url: `${scheme}${auth}${hostList.split(',')[0] ?? ''}${path}${search ? `?${search}` : ''}`,
    readWrite: attrs === 'read-write' || attrs === 'primary',
  };
}

function hostPort(entry: string): HostPort {
  // [::1]:5432, host:5432 or host (libpq's default port)
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1], port: Number(bracketed[2] ?? 5432) };
  const [host, port] = splitOnce(entry, ':');
  return { host: decodeURIComponent(host), port: Number(port || 5432) };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
