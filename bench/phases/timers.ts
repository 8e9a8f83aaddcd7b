// Timers: N armed instance timers falling due spread over a short window, fired by the server's own poller.
import { withClient } from '../../test/support/database';
import { percentile, startTimerInstances, TIMER_PROCESS, timerEffects } from '../../test/support/timer-load';
import type { Api } from '../lib/api';
import { round } from '../lib/load';
import { copyInstance } from './park';

export interface TimerFigures {
  armed: number;
  armedVia: 'api' | 'copy';
  windowS: number;
  armPerSec: number;
  fired: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
  wakeupsPerSec: number;
  duplicates: number;
  missing: number;
  /** CPU time per fired timer from the due-time move to the last firing: the server's processes, PostgreSQL's. */
  serverCpuMsPerFiring?: number;
  postgresCpuMsPerFiring?: number;
}

/** CPU time used so far (ms) by the server's processes and by PostgreSQL's. */
export type CpuMeter = () => { server: number; postgres: number };

/**
 * Arms `count` timers a day ahead (timer-load process, timeDate `=at`): through the API, or with `arm: 'copy'` one
 * through the API and the rest as row-for-row copies of it (see park.ts). Then moves their due times
 * with one UPDATE onto an even spread over `windowS` seconds starting 3 s later (what the passing of time does to
 * the rows), and waits for the poller to fire them. Lateness = first `timer.fired` history entry − the row's due time.
 */
export async function measureTimers(api: Api, databaseUrl: string, opts: { count: number; windowS: number; arm: 'api' | 'copy'; concurrency: number; log: (m: string) => void; keyPrefix?: string; cpu?: CpuMeter }): Promise<TimerFigures> {
  const keyPrefix = opts.keyPrefix ?? 'T-'; // the burst's instances stay active (a task follows the timer): a later run needs its own keys
  await api.deploy(TIMER_PROCESS);
  const armStarted = performance.now();
  const dayAhead = new Date(Date.now() + 86_400_000);
  if (opts.arm === 'api') {
    await startTimerInstances([api.baseUrl], opts.count, dayAhead, opts.concurrency, keyPrefix);
  } else {
    const [templateId] = await startTimerInstances([api.baseUrl], 1, dayAhead, 1, keyPrefix);
    if (opts.count > 1) await copyInstance(databaseUrl, templateId, opts.count - 1, { keyPrefix: `${keyPrefix}COPY-`, pushTimers: false, log: opts.log });
  }
  const armPerSec = round(opts.count / ((performance.now() - armStarted) / 1000));
  opts.log(`armed ${opts.count} timers via ${opts.arm} (${armPerSec}/s); moving them into a ${opts.windowS} s window`);

  return withClient(databaseUrl, async (db) => {
    const firstDue = new Date(Date.now() + 3000);
    await db.query('DROP TABLE IF EXISTS bench_timer_due'); // the steady stream runs after the burst, on the same database
    await db.query('CREATE TABLE bench_timer_due (timer_id uuid PRIMARY KEY, instance_id uuid NOT NULL, due_at timestamptz NOT NULL)');
    await db.query(
      `INSERT INTO bench_timer_due SELECT t.id, t.instance_id, $1::timestamptz + (row_number() OVER (ORDER BY random()) - 1) * ($2::float8 / $3) * interval '1 millisecond'
       FROM timers t JOIN process_instances i ON i.id = t.instance_id WHERE i.definition_key = 'timer-load' AND i.business_key LIKE $4`,
      [firstDue, opts.windowS * 1000, opts.count, `${keyPrefix}%`], // this run's timers only: a slow burst may leave some armed
    );
    const cpuBefore = opts.cpu?.();
    const moved = await db.query('UPDATE timers t SET due_at = d.due_at FROM bench_timer_due d WHERE d.timer_id = t.id');
    if (moved.rowCount !== opts.count) throw new Error(`expected ${opts.count} armed timers, moved ${moved.rowCount}`);

    const deadline = Date.now() + Math.max(120_000, 3000 + opts.windowS * 1000 + opts.count * 20);
    let fired = 0;
    while (Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 1000));
      const now = await db.query(`SELECT count(DISTINCT h.instance_id)::int AS n FROM history h JOIN bench_timer_due d USING (instance_id) WHERE h.type = 'timer.fired'`);
      if (now.rows[0].n !== fired) opts.log(`fired ${now.rows[0].n}/${opts.count}`);
      fired = now.rows[0].n;
      if (fired >= opts.count) break;
    }
    const cpuAfter = opts.cpu?.();
    await new Promise((done) => setTimeout(done, 2000)); // a late duplicate would show up now

    const lateness = await db.query(
      `SELECT extract(epoch FROM (f.first_at - d.due_at)) * 1000 AS ms, f.first_at, d.due_at FROM bench_timer_due d
       JOIN (SELECT instance_id, min(at) AS first_at FROM history WHERE type = 'timer.fired' GROUP BY instance_id) f USING (instance_id) ORDER BY 1`,
    );
    const ms = lateness.rows.map((r) => Number(r.ms));
    const lastFired = lateness.rows.reduce((max, r) => Math.max(max, new Date(r.first_at).getTime()), 0);
    const effects = await timerEffects(databaseUrl, firstDue);
    return {
      armed: opts.count,
      armedVia: opts.arm,
      windowS: opts.windowS,
      armPerSec,
      fired: ms.length,
      latenessP50Ms: round(percentile(ms, 50)),
      latenessP99Ms: round(percentile(ms, 99)),
      latenessMaxMs: round(ms[ms.length - 1] ?? NaN),
      wakeupsPerSec: round(ms.length / Math.max(0.001, (lastFired - firstDue.getTime()) / 1000)),
      duplicates: effects.duplicates,
      missing: opts.count - ms.length,
      ...(cpuBefore && cpuAfter && ms.length && {
        serverCpuMsPerFiring: round((cpuAfter.server - cpuBefore.server) / ms.length, 2),
        postgresCpuMsPerFiring: round((cpuAfter.postgres - cpuBefore.postgres) / ms.length, 2),
      }),
    };
  });
}
