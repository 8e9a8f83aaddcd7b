// Growth: the same short start and completion runs, and the server's RSS, on an empty database and with N parked.
import { withClient } from '../../test/support/database';
import { Api } from '../lib/api';
import type { BenchCluster } from '../lib/cluster';
import { round } from '../lib/load';
import { BenchServer } from '../lib/server';
import { measureCompletions, measureStarts } from './api';
import { copyInstance } from './park';

export interface GrowthRun {
  side: Side;
  startsPerSec: number;
  completionsPerSec: number;
  /** WAL written per start during the timed start run: what a commit costs the disk, free of CPU noise. */
  walKbPerStart: number;
  rssMb: number;
  processes: number;
}

export interface GrowthFigures {
  parked: number;
  parkSeconds: number;
  empty: GrowthRun;
  withParked: GrowthRun;
  rounds: GrowthRun[];
}

type Side = 'empty' | 'parked';

interface Opts {
  parked: number;
  seconds: number;
  completions: number;
  concurrency: number;
  log: (m: string) => void;
}

/**
 * Two databases, one empty and one with N parked instances, measured in alternate rounds (empty, parked, parked,
 * empty) with a fresh server each, and each side's rounds averaged. On a shared VM the speed drifts by 10–20 % over
 * a minute or two; measuring the sides one after the other would fold that drift into the difference this figure is
 * about, the alternation cancels most of it. Every round starts right after a CHECKPOINT, so neither side runs
 * with the other's full-page writes still pending.
 */
export async function measureGrowth(cluster: BenchCluster, opts: Opts): Promise<GrowthFigures> {
  const urls: Record<Side, string> = { empty: await cluster.createDatabase('bench_growth_empty'), parked: await cluster.createDatabase('bench_growth_parked') };
  const started = performance.now();
  await copyInstance(urls.parked, await startTemplate(urls.parked), opts.parked, { keyPrefix: 'PARKED-', pushTimers: true, log: opts.log });
  const parkSeconds = round((performance.now() - started) / 1000);
  opts.log(`parked ${opts.parked} instances in ${parkSeconds} s`);
  const rounds: GrowthRun[] = [];
  for (const side of ['empty', 'parked', 'parked', 'empty'] as const) rounds.push(await run(side, urls[side], opts));
  return { parked: opts.parked, parkSeconds, empty: mean('empty', rounds), withParked: mean('parked', rounds), rounds };
}

/** The instance the parked ones copy: a service-request waiting at Task_RecordRequest, started through the API. */
async function startTemplate(url: string): Promise<string> {
  const server = await BenchServer.start(url);
  try {
    return await (await Api.signIn(server.baseUrl)).startServiceRequest('PARK-TEMPLATE');
  } finally {
    await server.stop();
  }
}

async function run(side: Side, url: string, opts: Opts): Promise<GrowthRun> {
  await withClient(url, (db) => db.query('CHECKPOINT'));
  const server = await BenchServer.start(url);
  try {
    const api = await Api.signIn(server.baseUrl);
    await measureStarts(api, { seconds: Math.min(2, opts.seconds), concurrency: opts.concurrency }); // warm-up (JIT)
    const walBefore = await walLsn(url);
    const starts = await measureStarts(api, { seconds: opts.seconds, concurrency: opts.concurrency });
    const walBytes = (await walLsn(url)) - walBefore;
    const completions = await measureCompletions(api, url, { count: opts.completions, concurrency: opts.concurrency });
    const walKbPerStart = round(walBytes / 1024 / Math.max(1, starts.ok));
    const figures = { side, startsPerSec: starts.perSec, completionsPerSec: completions.perSec, walKbPerStart, rssMb: server.rssMb(), processes: server.processCount() };
    opts.log(`${side === 'empty' ? 'empty database' : `${opts.parked} parked`}: ${figures.startsPerSec} starts/s (${walKbPerStart} kB WAL each), ${figures.completionsPerSec} completions/s, RSS ${figures.rssMb} MB in ${figures.processes} process(es)`);
    return figures;
  } finally {
    await server.stop();
  }
}

/** The server's WAL position in bytes (cluster-wide; the bench runs nothing else meanwhile). */
function walLsn(url: string): Promise<number> {
  return withClient(url, async (db) => Number((await db.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') AS b`)).rows[0].b));
}

function mean(side: Side, rounds: GrowthRun[]): GrowthRun {
  const mine = rounds.filter((r) => r.side === side);
  const avg = (pick: (r: GrowthRun) => number) => round(mine.reduce((sum, r) => sum + pick(r), 0) / mine.length);
  return {
    side, startsPerSec: avg((r) => r.startsPerSec), completionsPerSec: avg((r) => r.completionsPerSec), walKbPerStart: avg((r) => r.walKbPerStart),
    rssMb: avg((r) => r.rssMb), processes: Math.max(...mine.map((r) => r.processes)),
  };
}
