// `npm run bench:timers`: only the timer phases of `npm run bench` (burst, then a steady stream at half its wake-up rate),
// on a throwaway durable cluster, with an optional CPU profile of the server (`--prof DIR`, one worker).
import { parseArgs } from 'node:util';
import { Api } from './lib/api';
import { startCluster, type BenchCluster } from './lib/cluster';
import { round } from './lib/load';
import { BenchServer, stopAllServers, treeCpuMs } from './lib/server';
import { measureTimers } from './phases/timers';

const { values: flags } = parseArgs({
  options: {
    timers: { type: 'string', default: '2000' },
    'timer-window': { type: 'string', default: '3' },
    'steady-seconds': { type: 'string', default: '20' },
    prof: { type: 'string' },
  },
});
const t0 = Date.now();
const log = (m: string) => process.stdout.write(`[bench:timers +${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);
let cluster: BenchCluster | undefined;

async function main(): Promise<void> {
  const count = Number(flags.timers);
  const windowS = Number(flags['timer-window']);
  const steadySeconds = Number(flags['steady-seconds']);
  cluster = await startCluster();
  const url = await cluster.createDatabase('bench_timers');
  // A profile is only readable with one worker: the cluster primary would profile nothing of interest.
  const server = await BenchServer.start(url, flags.prof ? { WEB_CONCURRENCY: '1' } : {}, flags.prof ? ['--cpu-prof', `--cpu-prof-dir=${flags.prof}`] : []);
  log(`server up (${server.processCount()} process(es))`);
  const api = await Api.signIn(server.baseUrl);
  const pgPid = cluster.postgresPid();
  const cpu = () => ({ server: server.cpuMs(), postgres: treeCpuMs(pgPid) });
  const burst = await measureTimers(api, url, { count, windowS, arm: 'copy', concurrency: 16, log: (m) => log(`  ${m}`), cpu });
  log(`burst: ${burst.wakeupsPerSec} wake-ups/s, lateness p50 ${burst.latenessP50Ms} ms p99 ${burst.latenessP99Ms} ms, ${burst.duplicates} duplicates, ${burst.missing} missing; CPU per firing: server ${burst.serverCpuMsPerFiring} ms, PostgreSQL ${burst.postgresCpuMsPerFiring} ms`);
  const rate = Math.max(1, burst.wakeupsPerSec / 2);
  const steady = await measureTimers(api, url, { count: Math.round(rate * steadySeconds), windowS: steadySeconds, arm: 'copy', concurrency: 16, log: (m) => log(`  ${m}`), keyPrefix: 'STEADY-', cpu });
  log(`steady ${round(rate, 1)}/s for ${steadySeconds} s: lateness p50 ${steady.latenessP50Ms} ms p99 ${steady.latenessP99Ms} ms max ${steady.latenessMaxMs} ms, ${steady.duplicates} duplicates, ${steady.missing} missing`);
  process.stdout.write(`${JSON.stringify({ burst, steady: { ratePerSec: round(rate, 1), ...steady } })}\n`);
  await server.stop();
}

main()
  .catch((err) => {
    process.stderr.write(`bench:timers failed: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAllServers();
    await cluster?.stop();
    process.exit();
  });
