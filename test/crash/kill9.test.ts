// Crash safety: run the real server as a child process, kill -9 it while task completions are in flight, restart it
// on the same database, and check that nothing acknowledged was lost, nothing was doubled, and every instance can go on.
import { adminHeaders } from '../support/server-auth';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { ServerProcess, sleep } from '../support/server-process';

const ROOT = resolve(__dirname, '../..');
const INSTANCES = 200;
const WORKERS = 8;
/** The load runs at least MIN ms before the kill, and until MIN_ACKED completions were acknowledged or MAX ms passed. */
const LOAD_BEFORE_KILL = { minMs: 1_500, maxMs: 15_000, minAcked: 40 };
/** The user tasks of service-request on the path the workers take (no remote fix, in warranty, no parts, fixed). */
const HAPPY_PATH = ['Task_RecordRequest', 'Task_TriageRequest', 'Task_Dispatch', 'Task_AgreeAppointment', 'Task_Diagnose', 'Task_Repair', 'Task_QualityCheck', 'Task_Settlement'];
/** Booleans answered "no" to stay on that path; every other required boolean is answered "yes". */
const ANSWER_NO = new Set(['simpleFault', 'remoteFixed', 'partsNeeded', 'problemsFound']);

interface FormField { id: string; type: string; required: boolean; options?: { id: string }[]; min?: number; max?: number; minlength?: number; maxlength?: number }
interface OpenTask { id: string; processInstanceId: string; activityId: string; form: FormField[] }
interface Reply { status: number; body: any }


/** Counts requests in flight, so the test can prove the kill hit some. */
let inFlight = 0;
async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<Reply> {
  inFlight++;
  try {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { ...(await adminHeaders(baseUrl)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } finally {
    inFlight--;
  }
}

/** Valid values for a task form: required fields only; enums take the first option, booleans walk the happy path. */
function fillForm(form: FormField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of form.filter((x) => x.required)) {
    if (f.type === 'boolean') values[f.id] = !ANSWER_NO.has(f.id);
    else if (f.type === 'enum') values[f.id] = f.options![0].id;
    else if (f.type === 'long') values[f.id] = Math.min(Math.max(f.min ?? 0, 1), f.max ?? Number.MAX_SAFE_INTEGER);
    else if (f.type === 'date') values[f.id] = new Date().toISOString();
    else values[f.id] = `${f.id} by crash test`.padEnd(f.minlength ?? 0, '.').slice(0, f.maxlength ?? 1000);
  }
  return values;
}

interface Load {
  acked: Map<string, { instanceId: string; activityId: string }>;
  unexpected: string[]; // any HTTP answer but 200, and network errors while the server should be up
}

/**
 * WORKERS concurrent workers, each owning a slice of the instances, go round their instances completing the open task,
 * until `stop()` turns true or no instance has an open task left (or after one round with `oneRound`).
 * Only completions answered 200 count as acknowledged.
 */
async function runWorkers(baseUrl: string, instanceIds: string[], opts: { stop?: () => boolean; crashing?: () => boolean; oneRound?: boolean; load?: Load }): Promise<Load> {
  const stop = opts.stop ?? (() => false);
  const crashing = opts.crashing ?? (() => false);
  const load = opts.load ?? newLoad();
  const worker = async (mine: string[]) => {
    while (mine.length && !stop()) {
      const instanceId = mine.shift()!;
      try {
        const list = await call(baseUrl, 'GET', `/api/tasks?status=open&processInstanceId=${instanceId}`);
        if (list.status !== 200) load.unexpected.push(`GET tasks → ${list.status} ${JSON.stringify(list.body)}`);
        const tasks: OpenTask[] = list.body?.items ?? [];
        for (const task of tasks) {
          if (stop()) break;
          const res = await call(baseUrl, 'POST', `/api/tasks/${task.id}/complete`, { variables: fillForm(task.form) });
          if (res.status === 200 && res.body?.status === 'completed') load.acked.set(task.id, { instanceId, activityId: task.activityId });
          else load.unexpected.push(`complete ${task.activityId} → ${res.status} ${JSON.stringify(res.body)}`);
        }
        if (tasks.length && !opts.oneRound) mine.push(instanceId); // no open task: it waits at the timer, nothing to do
      } catch (err) {
        if (crashing()) return; // the server is gone: this request's outcome is unknown, and that is allowed
        load.unexpected.push(`network error: ${(err as Error).message}`);
        if (!opts.oneRound) mine.push(instanceId);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(instanceIds.filter((_id, i) => i % WORKERS === w))));
  return load;
}

const newLoad = (): Load => ({ acked: new Map(), unexpected: [] });

describe('kill -9 under load', () => {
  let databaseUrl: string;
  let server: ServerProcess | undefined;
  let db: Client | undefined;
  const instanceIds: string[] = [];
  let beforeCrash: Load;
  let inFlightAtKill = 0;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    server = await ServerProcess.start(databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await server?.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }, 30_000);

  const query = async <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => (await db!.query(sql, params)).rows;

  /** The invariants that must hold on the database whatever moment the server died at. */
  async function expectConsistentDatabase(): Promise<void> {
    // every instance is still there, active or completed (the happy path waits at the follow-up timer)
    expect(await query(`SELECT status, count(*)::int AS n FROM process_instances WHERE status NOT IN ('active', 'completed') GROUP BY status`)).toEqual([]);
    expect((await query(`SELECT count(*)::int AS n FROM process_instances`))[0].n).toBe(INSTANCES);
    // no task row doubled, no two open tasks for one activity (service-request has no parallel branch: at most one open task)
    expect(await query(`SELECT instance_id, execution_id FROM tasks GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    expect(await query(`SELECT instance_id, activity_id FROM tasks WHERE status = 'open' GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    expect(await query(`SELECT instance_id FROM tasks WHERE status = 'open' GROUP BY 1 HAVING count(*) > 1`)).toEqual([]);
    // one task.created and, for completed tasks, exactly one task.completed history entry per task
    expect(await query(`SELECT detail->>'taskId' AS task FROM history WHERE type IN ('task.created', 'task.completed') GROUP BY type, 1 HAVING count(*) > 1`)).toEqual([]);
    expect(await query(`SELECT t.id, t.status FROM tasks t WHERE (t.status = 'completed') <> EXISTS (SELECT 1 FROM history h WHERE h.type = 'task.completed' AND h.detail->>'taskId' = t.id::text)`)).toEqual([]);
    // every active instance has saved engine state and can continue: an open task, a timer or a message subscription
    expect(await query(`SELECT id FROM process_instances WHERE status = 'active' AND state IS NULL`)).toEqual([]);
    const stuck = await query(`
      SELECT i.id, i.active_activity_ids FROM process_instances i WHERE i.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open')
        AND NOT EXISTS (SELECT 1 FROM timers m WHERE m.instance_id = i.id)
        AND NOT EXISTS (SELECT 1 FROM message_subscriptions s WHERE s.instance_id = i.id)`);
    expect(stuck).toEqual([]);
    // open tasks are what the engine waits at
    expect(await query(`SELECT t.id, t.activity_id, i.active_activity_ids FROM tasks t JOIN process_instances i ON i.id = t.instance_id
      WHERE t.status = 'open' AND (i.status <> 'active' OR NOT (t.activity_id = ANY (i.active_activity_ids)))`)).toEqual([]);
    // each instance went step by step along the path: completed tasks are a prefix of it, and it waits at the next step
    const completed = await query<{ instance_id: string; activity_id: string }>(`SELECT instance_id, activity_id FROM history WHERE type = 'task.completed' ORDER BY id`);
    const open = new Map((await query(`SELECT instance_id, activity_id FROM tasks WHERE status = 'open'`)).map((r) => [r.instance_id, r.activity_id]));
    const timers = new Map((await query(`SELECT instance_id, activity_id FROM timers`)).map((r) => [r.instance_id, r.activity_id]));
    const steps = new Map<string, string[]>(instanceIds.map((id) => [id, []]));
    for (const row of completed) steps.get(row.instance_id)!.push(row.activity_id);
    const offPath = [...steps].filter(([id, done]) => {
      const waitsAt = done.length < HAPPY_PATH.length ? open.get(id) : timers.get(id);
      return done.join() !== HAPPY_PATH.slice(0, done.length).join() || waitsAt !== (HAPPY_PATH[done.length] ?? 'Timer_FollowUp');
    });
    expect(offPath.map(([id, done]) => ({ id, done, open: open.get(id), timer: timers.get(id) }))).toEqual([]);
  }

  async function expectAcknowledgedKept(acked: Load['acked']): Promise<void> {
    const ids = [...acked.keys()];
    const rows = await query(`SELECT id, status, activity_id FROM tasks WHERE id = ANY ($1::uuid[])`, [ids]);
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
  }

  it('starts 200 service requests and completes tasks under load until the server is killed with SIGKILL', async () => {
    // given: 200 instances, started 8 at a time
    const base = server!.baseUrl;
    const starts = Array.from({ length: INSTANCES }, (_, i) => i);
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let i = starts.shift(); i !== undefined; i = starts.shift()) {
          const variables = { channel: 'phone', customerName: `Customer ${i}`, customerContact: `+86 138 0000 ${String(i).padStart(4, '0')}`, deviceModel: 'WM-200', faultDescription: 'drum does not spin', inWarranty: true, region: ['Pudong', 'Minhang', 'Xuhui'][i % 3] };
          const res = await call(base, 'POST', '/api/process-instances', { definitionKey: 'service-request', businessKey: `CRASH-${i}`, variables });
          if (res.status !== 201) throw new Error(`start ${i} → ${res.status} ${JSON.stringify(res.body)}`);
          instanceIds.push(res.body.id);
        }
      }),
    );
    expect(instanceIds).toHaveLength(INSTANCES);
    // when: 8 workers complete tasks; after a while the server dies mid-request
    let killed = false;
    const load = newLoad();
    const working = runWorkers(base, instanceIds, { stop: () => killed, crashing: () => killed, load });
    const loadStarted = Date.now();
    await sleep(LOAD_BEFORE_KILL.minMs);
    while (load.acked.size < LOAD_BEFORE_KILL.minAcked && Date.now() - loadStarted < LOAD_BEFORE_KILL.maxMs) await sleep(20);
    while (inFlight === 0) await sleep(1);
    inFlightAtKill = inFlight;
    killed = true;
    await server!.kill9();
    beforeCrash = await working;
    // then: real load was acknowledged, and the kill interrupted requests
    expect(beforeCrash.unexpected).toEqual([]);
    expect(beforeCrash.acked.size).toBeGreaterThanOrEqual(10);
    expect(inFlightAtKill).toBeGreaterThan(0);
  }, 120_000);

  it('keeps every acknowledged completion and doubles nothing after a restart on the same database', async () => {
    // given
    expect(beforeCrash).toBeDefined();
    // when
    server = await ServerProcess.start(databaseUrl);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    // then: the database …
    await expectAcknowledgedKept(beforeCrash.acked);
    await expectConsistentDatabase();
    // … and the API agree
    const sample = [...beforeCrash.acked.keys()].slice(-20);
    for (const id of sample) expect((await call(server.baseUrl, 'GET', `/api/tasks/${id}`)).body).toMatchObject({ id, status: 'completed' });
    const list = await call(server.baseUrl, 'GET', '/api/process-instances?definitionKey=service-request&limit=1');
    expect(list.body.total).toBe(INSTANCES);
    expect((await call(server.baseUrl, 'GET', '/health')).status).toBe(200);
  }, 120_000);

  it('continues every instance from its last acknowledged step on the restarted server', async () => {
    // given: how far each instance got before the crash
    expect(db).toBeDefined();
    const stepsDone = new Map((await query(`SELECT instance_id, count(*)::int AS n FROM tasks WHERE status = 'completed' GROUP BY 1`)).map((r) => [r.instance_id, r.n]));
    const waiting = (await query(`SELECT instance_id FROM tasks WHERE status = 'open'`)).map((r) => r.instance_id).sort();
    expect(waiting.length).toBeGreaterThan(INSTANCES / 2);
    // when: one more round of work, one completion per instance
    const afterRestart = await runWorkers(server!.baseUrl, instanceIds, { oneRound: true });
    // then: every completion succeeded, each on the step right after the instance's last one
    expect(afterRestart.unexpected).toEqual([]);
    expect([...afterRestart.acked.values()].map((a) => a.instanceId).sort()).toEqual(waiting);
    const wrongStep = [...afterRestart.acked.values()].filter((a) => a.activityId !== HAPPY_PATH[stepsDone.get(a.instanceId) ?? 0]);
    expect(wrongStep).toEqual([]);
    await expectAcknowledgedKept(new Map([...beforeCrash.acked, ...afterRestart.acked]));
    await expectConsistentDatabase();
  }, 120_000);
});
