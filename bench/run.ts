// `npm run bench`: the machine's limits and our figures in one run, a table, and bench/results/latest.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Api } from './lib/api';
import { machineInfo, startCluster, type BenchCluster } from './lib/cluster';
import { round } from './lib/load';
import { checkTargets, printTable, type Results } from './lib/report';
import { BenchServer, runningServerLogs, stopAllServers, treeCpuMs } from './lib/server';
import { measureCompletions, measureLatency, measureStarts, measureWarmCompletions } from './phases/api';
import { measureGrowth } from './phases/growth';
import { pgCommitsPerSec, rawEngineAllCoresPerSec, rawEngineCompletionsPerSec, rawEngineStartsPerSec } from './phases/limits';
import { measureOneTask } from './phases/one-task';
import { measureTimers } from './phases/timers';
import { cacheBreakdown, cacheLookups, hitRate } from './lib/cache-lookups';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    timers: { type: 'string' },
    'timer-window': { type: 'string' },
    'steady-seconds': { type: 'string' },
    arm: { type: 'string' },
    parked: { type: 'string' },
    concurrency: { type: 'string' },
    out: { type: 'string' },
  },
});
const int = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Math.max(1, Number.parseInt(v, 10) || fallback));
const quick = flags.quick ?? false;
const settings = {
  seconds: int(flags.seconds, quick ? 3 : 10),
  timers: int(flags.timers, quick ? 500 : 10_000),
  timerWindowS: int(flags['timer-window'], quick ? 3 : 10),
  steadySeconds: int(flags['steady-seconds'], quick ? 10 : 60),
  timerArm: flags.arm === 'api' || flags.arm === 'copy' ? flags.arm : 'auto',
  parked: int(flags.parked, quick ? 2_000 : 100_000),
  concurrency: int(flags.concurrency, quick ? 16 : 48),
  webConcurrency: process.env.WEB_CONCURRENCY ?? null,
};
/** Completions per round of the warm phase: fits two workers' default engine caches (~11 service-request engines each; a round
 * splits between them by instance id, so it is kept under one worker's share). */
const WARM_BATCH = 12;
const outFile = path.resolve(flags.out ?? path.join(__dirname, 'results', 'latest.json'));
const t0 = Date.now();
const log = (m: string) => process.stdout.write(`[bench +${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);

let cluster: BenchCluster | undefined;
let interrupted = false;
async function cleanUp(): Promise<void> {
  await stopAllServers();
  await cluster?.stop();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the server and PostgreSQL`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  log(`settings ${JSON.stringify(settings)}`);
  cluster = await startCluster();
  const limitsUrl = await cluster.createDatabase('bench_limits');
  const machine = await machineInfo(limitsUrl);
  log(`machine: ${machine.cpus}× ${machine.cpuModel}, ${machine.memGb} GB, node ${machine.node}, PostgreSQL ${machine.postgres}, load ${machine.loadAvgAtStart.join(' ')}`);
  if (machine.loadAvgAtStart[0] > 0.5) log(`WARNING: load average ${machine.loadAvgAtStart[0]} at start: other work is running, figures will be low`);

  log('limits: PostgreSQL durable commits, 1 client…');
  const pg1 = await pgCommitsPerSec(limitsUrl, 1, settings.seconds);
  log(`  ${pg1}/s; 16 clients…`);
  const pg16 = await pgCommitsPerSec(limitsUrl, 16, settings.seconds);
  log(`  ${pg16}/s; raw engine (service-request start → Task_RecordRequest, in memory)…`);
  const raw = await rawEngineStartsPerSec(settings.seconds);
  log(`  ${raw.perSec}/s (p50 ${raw.p50Ms} ms each); the same in ${os.cpus().length} processes at once…`);
  const rawAll = await rawEngineAllCoresPerSec(settings.seconds, os.cpus().length);
  log(`  ${rawAll.perSec}/s together (${rawAll.perProcess.join(' + ')}); raw engine completions (recover + signal Task_RecordRequest)…`);
  const rawCompletions = await rawEngineCompletionsPerSec(settings.seconds);
  log(`  ${rawCompletions.perSec}/s (p50 ${rawCompletions.p50Ms} ms each)`);

  const url = await cluster.createDatabase('bench');
  const server = await BenchServer.start(url);
  log(`server up (${server.processCount()} process(es), WEB_CONCURRENCY=${settings.webConcurrency ?? 'unset'})`);
  const api = await Api.signIn(server.baseUrl);
  await measureStarts(api, { seconds: Math.min(2, settings.seconds), concurrency: settings.concurrency }); // warm-up (JIT)
  log(`ours: durable starts, closed loop, ${settings.concurrency} in flight, ${settings.seconds} s…`);
  const starts = await measureStarts(api, { seconds: settings.seconds, concurrency: settings.concurrency });
  log(`  ${starts.perSec}/s (p50 ${starts.p50Ms} ms, p99 ${starts.p99Ms} ms under full load)`);
  const completionCount = Math.min(20_000, Math.max(200, Math.round(starts.perSec * settings.seconds)));
  log(`ours: task completions, ${completionCount} tasks (instances started first, not timed)…`);
  const lookupsBefore = await cacheLookups(server.baseUrl);
  const completions = await measureCompletions(api, url, { count: completionCount, concurrency: settings.concurrency });
  const lookupsAfter = await cacheLookups(server.baseUrl);
  const cacheHitRate = round(hitRate(lookupsBefore, lookupsAfter), 3);
  const cache = cacheBreakdown(lookupsBefore, lookupsAfter);
  log(`  ${completions.perSec}/s (p50 ${completions.p50Ms} ms, p99 ${completions.p99Ms} ms), engine cache hit rate ${cacheHitRate} (per worker ${JSON.stringify(cache.workers)}; routing ${JSON.stringify(cache.routing)})`);
  log(`ours: task completions within the cache's reach, ${completionCount} tasks in rounds of ${WARM_BATCH} (each round's starts not timed)…`);
  const warmBefore = await cacheLookups(server.baseUrl);
  const warm = await measureWarmCompletions(api, url, { count: completionCount, batch: WARM_BATCH, concurrency: settings.concurrency });
  const warmCacheHitRate = round(hitRate(warmBefore, await cacheLookups(server.baseUrl)), 3);
  log(`  ${warm.perSec}/s, engine cache hit rate ${warmCacheHitRate}`);
  log(`ours: one-user-task process (start → task → end), starts for ${settings.seconds} s, then their completions…`);
  const oneTask = await measureOneTask(api, url, { seconds: settings.seconds, concurrency: settings.concurrency });
  log(`  starts ${oneTask.starts.perSec}/s, completions ${oneTask.completions.perSec}/s`);
  const half = Math.max(1, starts.perSec / 2);
  log(`ours: latency, open loop of starts at ${round(half)}/s for ${settings.seconds} s…`);
  const latency = await measureLatency(api, { ratePerSec: half, seconds: settings.seconds });
  log(`  p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms (${latency.ok} ok, ${latency.failed} failed, ${latency.dropped} not sent)`);
  const rssAfterApi = server.rssMb();

  // auto: through the API when that takes at most a minute at the measured start rate, else by copying (README).
  const arm = settings.timerArm === 'auto' ? (settings.timers / starts.perSec <= 60 ? 'api' : 'copy') : (settings.timerArm as 'api' | 'copy');
  log(`timers: arming ${settings.timers} via ${arm}…`);
  const pgPid = cluster.postgresPid();
  const cpu = () => ({ server: server.cpuMs(), postgres: treeCpuMs(pgPid) });
  const timers = await measureTimers(api, url, { count: settings.timers, windowS: settings.timerWindowS, arm, concurrency: settings.concurrency, log: (m) => log(`  ${m}`), cpu });
  log(`  lateness p50 ${timers.latenessP50Ms} ms, p99 ${timers.latenessP99Ms} ms, ${timers.wakeupsPerSec} wake-ups/s, ${timers.duplicates} duplicates, ${timers.missing} not fired; CPU per firing: server ${timers.serverCpuMsPerFiring} ms, PostgreSQL ${timers.postgresCpuMsPerFiring} ms`);
  const steadyRate = Math.max(1, timers.wakeupsPerSec / 2);
  const steadyCount = Math.round(steadyRate * settings.steadySeconds);
  log(`timers: steady stream at ${round(steadyRate, 1)}/s (half the burst's wake-ups) for ${settings.steadySeconds} s, ${steadyCount} timers…`);
  const steady = await measureTimers(api, url, { count: steadyCount, windowS: settings.steadySeconds, arm: 'copy', concurrency: settings.concurrency, log: (m) => log(`  ${m}`), keyPrefix: 'STEADY-', cpu });
  log(`  lateness p50 ${steady.latenessP50Ms} ms, p99 ${steady.latenessP99Ms} ms, ${steady.duplicates} duplicates, ${steady.missing} not fired`);
  await server.stop();

  log(`growth: an empty database and one with ${settings.parked} parked instances, in alternate rounds…`);
  const growthSeconds = settings.seconds;
  const growth = await measureGrowth(cluster, {
    parked: settings.parked,
    seconds: growthSeconds,
    completions: Math.min(10_000, Math.max(200, Math.round(starts.perSec * growthSeconds))),
    concurrency: settings.concurrency,
    log: (m) => log(`  ${m}`),
  });

  const results: Results = {
    machine: { ...machine, loadAvgAtEnd: os.loadavg().map((l) => round(l, 2)) },
    settings,
    limits: { pgCommitsPerSec1: pg1, pgCommitsPerSec16: pg16, rawEngineStartsPerSec: raw.perSec, rawEngineStartsPerSecAllCores: rawAll.perSec, rawEngineCompletionsPerSec: rawCompletions.perSec },
    api: {
      startsPerSec: starts.perSec, completionsPerSec: completions.perSec, p50Ms: latency.p50Ms, p99Ms: latency.p99Ms,
      latencyRatePerSec: latency.ratePerSec, latencyFailed: latency.failed, latencyNotSent: latency.dropped,
      cacheHitRate, cacheHitRateByWorker: cache.workers, warmCompletionsPerSec: warm.perSec, warmCacheHitRate, warmBatch: WARM_BATCH, routing: cache.routing, oneTaskStartsPerSec: oneTask.starts.perSec, oneTaskCompletionsPerSec: oneTask.completions.perSec,
      startsP99MsAtFullLoad: starts.p99Ms, completionsP99MsAtFullLoad: completions.p99Ms, completionsMeasured: completions.ok, rssMb: rssAfterApi,
    },
    timers: { ...timers, steady: { ratePerSec: round(steadyRate, 1), seconds: settings.steadySeconds, ...steady } },
    growth: {
      parked: growth.parked, parkSeconds: growth.parkSeconds,
      startsPerSecEmpty: growth.empty.startsPerSec, startsPerSecParked: growth.withParked.startsPerSec,
      completionsPerSecEmpty: growth.empty.completionsPerSec, completionsPerSecParked: growth.withParked.completionsPerSec,
      rssMbEmpty: growth.empty.rssMb, rssMbParked: growth.withParked.rssMb, serverProcesses: growth.withParked.processes,
      walKbPerStartEmpty: growth.empty.walKbPerStart, walKbPerStartParked: growth.withParked.walKbPerStart,
      rounds: growth.rounds.map(({ processes, ...figures }) => figures),
    },
    ratios: {
      startsVsRawEngine: round(starts.perSec / raw.perSec, 2),
      startsVsRawEngineAllCores: round(starts.perSec / rawAll.perSec, 2),
      startsVsPgLimit: round(starts.perSec / pg16, 3),
      completionsVsPgLimit: round(completions.perSec / pg16, 3),
      completionsVsRawEngineStarts: round(completions.perSec / raw.perSec, 2),
      completionsVsRawEngineCompletions: round(completions.perSec / rawCompletions.perSec, 2),
    },
  };
  const targets = checkTargets(results);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify({ ...results, targets, finishedAt: new Date().toISOString(), durationS: Math.round((Date.now() - t0) / 1000) }, null, 2)}\n`);
  printTable(results, targets, (line) => process.stdout.write(`${line}\n`));
  log(`wrote ${path.relative(process.cwd(), outFile)}`);
}

main()
  .then(cleanUp, async (err) => {
    if (!interrupted) process.stderr.write(`\nbench failed: ${(err as Error).stack ?? err}\n${runningServerLogs()}\n`);
    await cleanUp();
    process.exitCode = 1;
  })
  .then(() => process.exit());
