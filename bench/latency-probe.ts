// The latency phase alone (issue 15 item 3): durable starts for the rate, then an open loop of starts at half that
// rate, and completions with the engine cache hit rate, on the built server. Options via env (ENGINE_CACHE_MAX_COUNT,
// INSTANCE_ROUTING, WEB_CONCURRENCY, …). Run: `npm run build` first, then
//   TS_NODE_SWC=true node -r ts-node/register/transpile-only bench/latency-probe.ts [seconds] [--cpu-prof]
import { Api } from './lib/api';
import { cacheBreakdown, cacheLookups, hitRate } from './lib/cache-lookups';
import { startCluster } from './lib/cluster';
import { round } from './lib/load';
import { BenchServer, stopAllServers } from './lib/server';
import { measureCompletions, measureLatency, measureStarts } from './phases/api';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const nodeArgs = process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${process.cwd()}/.profiles`] : [];
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
    const latency = await measureLatency(api, { ratePerSec: Math.max(1, starts.perSec / 2), seconds });
    const gcAfter = await gcStats(server.baseUrl);
    const gc = Object.fromEntries(Object.entries(gcAfter).map(([k, v]) => [k, round(v - (gcBefore[k] ?? 0), 3)]));
    const rss = server.rssMb();
    process.stdout.write(`${JSON.stringify({ startsPerSec: starts.perSec, completionsPerSec: completions.perSec, cacheHitRate: rate, ...cacheBreakdown(before, after), latencyRate: latency.ratePerSec, p50Ms: latency.p50Ms, p99Ms: latency.p99Ms, gcDuringLatency: gc, failed: latency.failed, rssMb: rss })}\n`);
    await server.stop();
  } finally {
    await stopAllServers();
    await cluster.stop();
  }
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
