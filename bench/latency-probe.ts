// The latency phase alone (issue 15 item 3): durable starts for the rate, then an open loop of starts at half that
// rate, and completions with the engine cache hit rate, on the built server. Options via env (ENGINE_CACHE_MAX_COUNT,
// INSTANCE_ROUTING, WEB_CONCURRENCY, …). Run: `npm run build` first, then
//   TS_NODE_SWC=true node -r ts-node/register/transpile-only bench/latency-probe.ts [seconds] [--cpu-prof] [--trace-gc]
// It also prints the bursts of slow starts (over 3× the p50, grouped when less than 1 s apart) and, with --trace-gc,
// the workers' full collections during the latency phase: the two line up when the collector makes the tail.
import { Api } from './lib/api';
import { cacheBreakdown, cacheLookups, hitRate } from './lib/cache-lookups';
import { startCluster } from './lib/cluster';
import { round } from './lib/load';
import { BenchServer, stopAllServers } from './lib/server';
import { measureCompletions, measureLatency, measureStarts } from './phases/api';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const nodeArgs = process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${process.cwd()}/.profiles`] : [];
  if (process.argv.includes('--trace-gc')) nodeArgs.push('--trace-gc');
  const cluster = await startCluster();
  try {
    const url = await cluster.createDatabase('probe');
    const server = await BenchServer.start(url, {}, nodeArgs);
    const api = await Api.signIn(server.baseUrl);
    await measureStarts(api, { seconds: 2, concurrency: 16 });
    const starts = await measureStarts(api, { seconds, concurrency: 16 });
    const before = await cacheLookups(server.baseUrl);
    const completions = await measureCompletions(api, url, { count: Math.max(200, Math.round(starts.perSec * seconds)), concurrency: 16 });
    const after = await cacheLookups(server.baseUrl);
    const rate = round(hitRate(before, after), 3);
    const gcBefore = await gcStats(server.baseUrl);
    const samples: [number, number][] = [];
    const collectionsBefore = server.fullCollections.length;
    const latency = await measureLatency(api, { ratePerSec: Math.max(1, starts.perSec / 2), seconds, onLatency: (at, ms) => void samples.push([at, ms]) });
    const fullCollections = server.fullCollections.slice(collectionsBefore).map(shortCollection);
    const gcAfter = await gcStats(server.baseUrl);
    const gc = Object.fromEntries(Object.entries(gcAfter).map(([k, v]) => [k, round(v - (gcBefore[k] ?? 0), 3)]));
    const rss = server.rssMb();
    process.stdout.write(`${JSON.stringify({ startsPerSec: starts.perSec, completionsPerSec: completions.perSec, cacheHitRate: rate, ...cacheBreakdown(before, after), latencyRate: latency.ratePerSec, p50Ms: latency.p50Ms, p99Ms: latency.p99Ms, gcDuringLatency: gc, failed: latency.failed, rssMb: rss })}\n`);
    process.stdout.write(`${JSON.stringify({ slowBursts: slowBursts(samples, 3 * latency.p50Ms), ...(nodeArgs.includes('--trace-gc') && { fullCollections }) }, null, 1)}\n`);
    await server.stop();
  } finally {
    await stopAllServers();
    await cluster.stop();
  }
}

type Burst = { fromS: number; toS: number; starts: number; maxMs: number };

/** Slow starts (over `thresholdMs`) grouped into bursts: sent less than 1 s after the previous slow one. */
function slowBursts(samples: [number, number][], thresholdMs: number): Burst[] {
  const bursts: Burst[] = [];
  for (const [at, ms] of samples.filter(([, ms]) => ms > thresholdMs).sort((a, b) => a[0] - b[0])) {
    const last = bursts[bursts.length - 1];
    if (last && at / 1000 - last.toS < 1) Object.assign(last, { toS: round(at / 1000, 2), starts: last.starts + 1, maxMs: Math.max(last.maxMs, round(ms)) });
    else bursts.push({ fromS: round(at / 1000, 2), toS: round(at / 1000, 2), starts: 1, maxMs: round(ms) });
  }
  return bursts;
}

/** "[pid:…] 34112 ms: Mark-Compact 1253.8 (1306.2) -> 308.9 (666.8) MB, 46.54 / 0.03 ms (+ 241.8 ms in 30 steps …" without the rest. */
function shortCollection(line: string): string {
  return line.replace(/:0x[0-9a-f]+\]/, ']').replace(/\s+/g, ' ').replace(/ since start of marking.*$/, '').trim();
}

/** GC pauses summed over the workers (prom-client's nodejs_gc_duration_seconds): count and seconds per kind, and pauses over 100 ms. */
async function gcStats(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const [, kind, value] of text.matchAll(/^nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} ([\d.e+-]+)/gm)) out[`${kind}Seconds`] = Number(value);
  for (const [, kind, value] of text.matchAll(/^nodejs_gc_duration_seconds_count\{kind="(\w+)"\} (\d+)/gm)) out[`${kind}Count`] = Number(value);
  for (const [, kind, value] of text.matchAll(/^nodejs_gc_duration_seconds_bucket\{le="0.1",kind="(\w+)"\} (\d+)/gm)) out[`${kind}Under100ms`] = Number(value);
  return out;
}

main().then(() => process.exit(0), (err) => (process.stderr.write(`${(err as Error).stack}\n`), process.exit(1)));
