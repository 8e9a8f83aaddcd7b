// Ours through HTTP: durable starts (start → first wait), task completions (signal → next wait), latency at half load.
import { withClient } from '../../test/support/database';
import { Api, RECORD_REQUEST_FORM } from '../lib/api';
import { closedLoop, openLoop, round, type LoadResult } from '../lib/load';

let runTag = 0;

/** Closed loop at `concurrency` in flight: starts/s of service-request up to Task_RecordRequest, each one committed. */
export async function measureStarts(api: Api, opts: { seconds: number; concurrency: number }): Promise<LoadResult> {
  const tag = `S${++runTag}-${Date.now()}`;
  const result = await closedLoop((i) => api.startServiceRequest(`${tag}-${i}`).then(() => undefined), opts);
  if (result.failed) throw new Error(`${result.failed} starts failed: ${result.firstError}`);
  return result;
}

/** Starts `count` instances (not timed), then completes their Task_RecordRequest concurrently (timed). */
export async function measureCompletions(api: Api, databaseUrl: string, opts: { count: number; concurrency: number }): Promise<LoadResult> {
  const tag = `C${++runTag}-${Date.now()}`;
  const ids: string[] = [];
  const prestart = await closedLoop(async (i) => void ids.push(await api.startServiceRequest(`${tag}-${i}`)), { concurrency: opts.concurrency, total: opts.count });
  if (prestart.failed) throw new Error(`${prestart.failed} starts failed: ${prestart.firstError}`);
  const taskIds = await openTaskIds(databaseUrl, ids);
  if (taskIds.length !== ids.length) throw new Error(`${ids.length} instances started but ${taskIds.length} Task_RecordRequest tasks are open`);
  const result = await closedLoop((i) => api.completeTask(taskIds[i], RECORD_REQUEST_FORM), { concurrency: opts.concurrency, total: taskIds.length });
  if (result.failed) throw new Error(`${result.failed} completions failed: ${result.firstError}`);
  return result;
}

/**
 * Completions within the cache's reach, as a desk works (a request arrives and is done while its engine is kept):
 * rounds of `batch` starts (not timed) each followed by those tasks' completions (timed), `count` in all. `batch` must
 * fit the workers' engine caches (~11 service-request engines per worker with the default 32 MiB budget).
 */
export async function measureWarmCompletions(api: Api, databaseUrl: string, opts: { count: number; batch: number; concurrency: number }): Promise<{ ok: number; seconds: number; perSec: number }> {
  let ok = 0;
  let seconds = 0;
  while (ok < opts.count) {
    const done = await measureCompletions(api, databaseUrl, { count: Math.min(opts.batch, opts.count - ok), concurrency: opts.concurrency });
    ok += done.ok;
    seconds += done.seconds;
  }
  return { ok, seconds: round(seconds, 2), perSec: round(ok / seconds, 1) };
}

/** Open loop of starts at `ratePerSec`: latency of each from its scheduled time. */
export async function measureLatency(api: Api, opts: { ratePerSec: number; seconds: number; onLatency?: (sentAtMs: number, latencyMs: number) => void }): Promise<LoadResult & { dropped: number; ratePerSec: number }> {
  const tag = `L${++runTag}-${Date.now()}`;
  const result = await openLoop((i) => api.startServiceRequest(`${tag}-${i}`).then(() => undefined), opts);
  return { ...result, ratePerSec: round(opts.ratePerSec, 1) };
}

async function openTaskIds(databaseUrl: string, instanceIds: string[]): Promise<string[]> {
  return withClient(databaseUrl, async (db) => {
    const rows = await db.query(`SELECT id FROM tasks WHERE status = 'open' AND activity_id = 'Task_RecordRequest' AND instance_id = ANY($1::uuid[])`, [instanceIds]);
    return rows.rows.map((r) => r.id as string);
  });
}
