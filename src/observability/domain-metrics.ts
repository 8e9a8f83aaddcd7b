// The product's own series, recorded where the work happens (commands, engine runs, timer firing). They live in one
// process-wide registry so that recording needs no injection; each app's /metrics merges it with its own.
import { Counter, Histogram, Registry } from 'prom-client';

export const domainRegistry = new Registry();

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One completed command (start, completeTask, message, fireTimers, …) from locking its instance to its rows written. */
export const commandDuration = new Histogram({
  name: 'serviceflow_command_duration_seconds',
  help: 'Completed engine commands by kind: from the instance lock to its rows written, before commit',
  labelNames: ['kind'],
  buckets: SECONDS,
  registers: [domainRegistry],
});

/** bpmn-engine's share of a command: recover, resume, act, wait until idle. */
export const engineRunDuration = new Histogram({
  name: 'serviceflow_engine_run_seconds',
  help: 'bpmn-engine run time per command kind (recover, resume, act, idle)',
  labelNames: ['kind'],
  buckets: SECONDS,
  registers: [domainRegistry],
});

/** How long after its due time a timer fired (poll interval, backlog, a replica that was down). */
export const timerLateness = new Histogram({
  name: 'serviceflow_timer_lateness_seconds',
  help: 'Seconds between a timer falling due and it being fired, by timer kind',
  labelNames: ['kind'],
  buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
  registers: [domainRegistry],
});

/**
 * Hook for the engine cache (src/engine): count each lookup as `engineCacheLookups.inc({ result: 'hit' | 'miss', worker })`.
 * Hit ratio = rate(hit) / rate(hit + miss).
 */
export const engineCacheLookups = new Counter({
  name: 'serviceflow_engine_cache_lookups_total',
  help: 'Engine cache lookups by result (hit, miss) and cluster worker slot',
  labelNames: ['result', 'worker'],
  registers: [domainRegistry],
});

/** Records a command of `kind` that completed (rows written), started at `started` (process.hrtime.bigint()). */
export function observeCommand(kind: string, started: bigint): void {
  commandDuration.observe({ kind }, Number(process.hrtime.bigint() - started) / 1e9);
}
