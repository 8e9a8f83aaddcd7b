// Growth: the same short start and completion runs, and the server's RSS, on an empty database and with N parked.
import { Api } from '../lib/api';
import type { BenchCluster } from '../lib/cluster';
import { round } from '../lib/load';
import { BenchServer } from '../lib/server';
import { measureCompletions, measureStarts } from './api';
import { copyInstance } from './park';

export interface GrowthRun {
  startsPerSec: number;
  completionsPerSec: number;
  rssMb: number;
  processes: number;
}

export interface GrowthFigures {
  parked: number;
  parkSeconds: number;
  empty: GrowthRun;
  withParked: GrowthRun;
}

interface Opts {
  parked: number;
  seconds: number;
  completions: number;
  concurrency: number;
  log: (m: string) => void;
}

/** A fresh database and server for each side, so the two runs differ only in the parked rows. */
export async function measureGrowth(cluster: BenchCluster, opts: Opts): Promise<GrowthFigures> {
  const url = await cluster.createDatabase('bench_growth');
  let templateId = '';
  const empty = await run(url, opts, 'empty database', async (api) => void (templateId = await api.startServiceRequest('PARK-TEMPLATE')));
  const started = performance.now();
  await copyInstance(url, templateId, opts.parked, { keyPrefix: 'PARKED-', pushTimers: true, log: opts.log });
  const parkSeconds = round((performance.now() - started) / 1000);
  opts.log(`parked ${opts.parked} instances in ${parkSeconds} s`);
  const withParked = await run(url, opts, `${opts.parked} parked`);
  return { parked: opts.parked, parkSeconds, empty, withParked };
}

async function run(url: string, opts: Opts, label: string, after?: (api: Api) => Promise<void>): Promise<GrowthRun> {
  const server = await BenchServer.start(url);
  try {
    const api = await Api.signIn(server.baseUrl);
    await measureStarts(api, { seconds: Math.min(2, opts.seconds), concurrency: opts.concurrency }); // warm-up (JIT)
    const starts = await measureStarts(api, { seconds: opts.seconds, concurrency: opts.concurrency });
    const completions = await measureCompletions(api, url, { count: opts.completions, concurrency: opts.concurrency });
    const figures = { startsPerSec: starts.perSec, completionsPerSec: completions.perSec, rssMb: server.rssMb(), processes: server.processCount() };
    await after?.(api);
    opts.log(`${label}: ${figures.startsPerSec} starts/s, ${figures.completionsPerSec} completions/s, RSS ${figures.rssMb} MB in ${figures.processes} process(es)`);
    return figures;
  } finally {
    await server.stop();
  }
}
