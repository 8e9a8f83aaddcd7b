// A node-postgres Client for a multi-host URL: connects to the first listed server that answers (and, with
// target_session_attrs=read-write, accepts writes), like libpq does; pg itself takes a single host.
import { Client, type ClientConfig } from 'pg';
import { parseMultiHostUrl, type HostPort } from './multi-host-url.util';

/** How long a probe may take on a server that does not answer (a dead machine drops packets instead of refusing). */
const PROBE_TIMEOUT_MS = 3000;

type ClientClass = new (config?: ClientConfig) => Client;

/**
 * The Client class for pg's Pool (`extra.Client`), or undefined when the URL names one host and asks nothing special.
 * Each new pool connection first probes the servers with a short-lived connection (`SHOW transaction_read_only`, as
 * libpq does): a pg Client cannot retry another host once its connect has failed. The server found last is probed
 * first, so in the steady state that costs one extra short connection per pool connection, none per query.
 */
export function multiHostClientClass(databaseUrl: string): ClientClass | undefined {
  const { hosts, readWrite } = parseMultiHostUrl(databaseUrl);
  if (hosts.length <= 1 && !readWrite) return undefined;
  let preferred = 0;

  return class MultiHostClient extends Client {
    // pg's Pool calls connect(callback); scripts await connect().
    override connect(): Promise<Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: Client) => void)): void;
    override connect(callback?: ((err: Error) => void) | ((err: null, c: Client) => void)): Promise<Client> | void {
      const done = this.connectToTarget().then(() => this);
      if (!callback) return done;
      const cb = callback as (err: Error | null, c?: Client) => void;
      done.then(() => cb(null, this), (err: Error) => cb(err));
    }

    private async connectToTarget(): Promise<void> {
      const failures: string[] = [];
      for (let i = 0; i < hosts.length; i++) {
        const index = (preferred + i) % hosts.length;
        const target = hosts[index];
        const refusal = await probe(this, target, readWrite);
        if (refusal) {
          failures.push(`${target.host}:${target.port} ${refusal}`);
          continue;
        }
        preferred = index;
        aimAt(this, target);
        await super.connect();
        return;
      }
      throw Object.assign(new Error(`no usable PostgreSQL server (${failures.join('; ')})`), { code: 'ECONNREFUSED' });
    }
  };
}

/** One connection for a script-like use (boot checks): the same host choice as the pool. */
export function singleClient(databaseUrl: string): Client {
  const Multi = multiHostClientClass(databaseUrl);
  const { url } = parseMultiHostUrl(databaseUrl);
  return Multi ? new Multi({ connectionString: url }) : new Client({ connectionString: databaseUrl });
}

/** Why `target` will not do (unreachable, or read-only when a writer is wanted), or null when it will. */
async function probe(client: Client, target: HostPort, readWrite: boolean): Promise<string | null> {
  const params = client as unknown as { user?: string; password?: string; database?: string; ssl?: ClientConfig['ssl'] };
  const check = new Client({
    host: target.host,
    port: target.port,
    user: params.user,
    password: params.password,
    database: params.database,
    ssl: params.ssl,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    application_name: 'serviceflow-probe',
  });
  check.on('error', () => undefined); // a server dying mid-probe must not crash the process
  try {
    await check.connect();
    if (!readWrite) return null;
    const { rows } = await check.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
    return rows[0]?.transaction_read_only === 'off' ? null : 'is read-only (a standby)';
  } catch (err) {
    return `is not reachable (${(err as Error).message})`;
  } finally {
    await check.end().catch(() => undefined);
  }
}

/** pg copies host and port from its parsed parameters in the constructor; point them at the chosen server. */
function aimAt(client: Client, target: HostPort): void {
  const mutable = client as unknown as { host: string; port: number; connectionParameters: { host: string; port: number } };
  mutable.host = target.host;
  mutable.port = target.port;
  mutable.connectionParameters.host = target.host;
  mutable.connectionParameters.port = target.port;
}
