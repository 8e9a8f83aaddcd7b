// `npm run bench:ha`: what the synchronous standby costs. On a pg_auto_failover formation on loopback (monitor,
// primary, synchronous standby; the same as `npm run test:ha`), commit latency of single-row INSERTs and the app's
// start rate, each with synchronous_commit=on (wait for the standby's flush) and =local (do not wait: what one server
// without a synchronous standby does). Run: npm run bench:ha [-- --seconds 10 --concurrency 16]
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { Formation } from '../test-ha/pg-auto-failover';
import { Api } from './lib/api';
import { closedLoop, round, type LoadResult } from './lib/load';
import { BenchServer, stopAllServers } from './lib/server';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 16);
const MODES = ['on', 'local'] as const;

async function commits(url: string, mode: string, connections: number): Promise<LoadResult> {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`SET synchronous_commit = ${mode}`);
    return c;
  }));
  try {
    // one connection per worker: each takes a free one for its INSERT and puts it back
    const free = [...clients];
    return await closedLoop(async () => {
      const c = free.pop()!;
      try {
        await c.query('INSERT INTO bench_commits (at) VALUES (now())');
      } finally {
        free.push(c);
      }
    }, { concurrency: connections, seconds: SECONDS });
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function starts(appUrl: string, mode: string): Promise<LoadResult> {
  // PGOPTIONS reaches every connection node-postgres opens (its `options` parameter): the whole app commits this way.
  const server = await BenchServer.start(appUrl, { PGOPTIONS: `-c synchronous_commit=${mode}`, WEB_CONCURRENCY: '1' });
  try {
    const api = await Api.signIn(server.baseUrl);
    let i = 0;
    await closedLoop(() => api.startServiceRequest(`warm-${mode}-${i++}`).then(() => undefined), { concurrency: CONCURRENCY, seconds: 2 });
    return await closedLoop((n) => api.startServiceRequest(`ha-${mode}-${n}`).then(() => undefined), { concurrency: CONCURRENCY, seconds: SECONDS });
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const formation = await Formation.create();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await formation.startMonitor();
    await formation.addNode('n1');
    await formation.waitForStates({ n1: 'single' }, 60_000);
    await formation.addNode('n2');
    await formation.waitForStates({ n1: 'primary', n2: 'secondary' }, 90_000);
    const primary = formation.nodeUrl(formation.nodes[0]);
    const admin = new Client({ connectionString: primary });
    await admin.connect();
    const sync = (await admin.query('SHOW synchronous_standby_names')).rows[0].synchronous_standby_names;
    await admin.query('CREATE TABLE IF NOT EXISTS bench_commits (id bigserial PRIMARY KEY, at timestamptz)');
    await admin.end();
    out(`formation up: primary n1, synchronous_standby_names = ${sync}; ${SECONDS} s per run`);
    const rows: string[] = ['| synchronous_commit | commits/s (1 conn) | p50 / p99 ms | commits/s (16 conn) | p50 / p99 ms | app starts/s | p50 / p99 ms |', '|---|---|---|---|---|---|---|'];
    for (const mode of MODES) {
      const one = await commits(primary, mode, 1);
      const many = await commits(primary, mode, 16);
      const app = await starts(formation.appUrl, mode);
      if (app.failed) throw new Error(`${app.failed} starts failed: ${app.firstError}`);
      rows.push(`| ${mode === 'on' ? 'on (waits for the standby)' : 'local (no standby wait)'} | ${round(one.perSec)} | ${round(one.p50Ms, 2)} / ${round(one.p99Ms, 2)} | ${round(many.perSec)} | ${round(many.p50Ms, 2)} / ${round(many.p99Ms, 2)} | ${round(app.perSec)} | ${round(app.p50Ms)} / ${round(app.p99Ms)} |`);
      out(rows[rows.length - 1]);
    }
    out('');
    rows.forEach((r) => out(r));
    out(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (figures from a busy machine are not comparable)`);
  } finally {
    await stopAllServers();
    await formation.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:ha failed: ${(err as Error).stack}\n`);
    process.exit(1);
  },
);
