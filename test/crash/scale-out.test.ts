// Scale-out: three server processes on one database (one of them running two cluster workers), under concurrent
// load through all of them: no lost update, no double-fired timer, and concurrent completes of one task → one 200,
// the rest 409.
import { Client } from 'pg';
import { adminHeaders } from '../support/server-auth';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { fillForm } from '../support/scenario';
import { ServerProcess } from '../support/server-process';
import { SERVICE_REQUEST_START } from '../support/service-request';
import { moveDueTimes, startTimerInstances, TIMER_PROCESS, timerEffects, waitFor } from '../support/timer-load';

const START = SERVICE_REQUEST_START;
const INSTANCES = 60;
const TIMERS = 300;

describe('scale-out: three servers, one database', () => {
  let databaseUrl: string;
  let servers: ServerProcess[] = [];
  let urls: string[] = [];

  const call = async (i: number, method: string, path: string, body?: unknown) => {
    const url = urls[i % urls.length];
    const res = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(url)) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const openTask = async (i: number, instanceId: string) => (await call(i, 'GET', `/api/tasks?processInstanceId=${instanceId}&status=open`)).body.items[0];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // Four processes compile and boot at once on a small machine; give them time.
    // Started together on an empty database: migrations run once (advisory lock), the others wait.
    const starting = await Promise.allSettled([
      ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '100', WEB_CONCURRENCY: '2', DB_POOL_SIZE: '8' }, 120_000),
      ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '100', DB_POOL_SIZE: '8' }, 120_000),
      ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '100', DB_POOL_SIZE: '8' }, 120_000),
    ]);
    servers = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = starting.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason; // afterAll still stops the ones that did start
    urls = servers.map((s) => s.baseUrl);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill9()));
    await dropTestDatabase(databaseUrl);
  });

  it('lets exactly one of twelve concurrent completes of a task win, across the servers', async () => {
    // given
    const started = await call(0, 'POST', '/api/process-instances', { definitionKey: 'service-request', variables: START });
    expect(started.status).toBe(201);
    const task = await openTask(1, started.body.id);
    // when
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i, 'POST', `/api/tasks/${task.id}/complete`, { variables: fillForm(task.form) })));
    // then
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(11).fill(409)]);
    const history = (await call(2, 'GET', `/api/process-instances/${started.body.id}`)).body.history.filter((h: { type: string }) => h.type === 'task.completed');
    expect(history).toHaveLength(1);
  });

  it(`loses no update when ${INSTANCES} requests are worked through all servers at once`, async () => {
    // given
    const ids = await Promise.all(Array.from({ length: INSTANCES }, async (_, i) => (await call(i, 'POST', '/api/process-instances', { definitionKey: 'service-request', businessKey: `SCALE-${i}`, variables: START })).body.id as string));
    // when each is recorded and triaged, its two steps through two different servers, all concurrently
    await Promise.all(
      ids.map(async (id, i) => {
        const record = await openTask(i, id);
        expect((await call(i, 'POST', `/api/tasks/${record.id}/complete`, { variables: fillForm(record.form) })).status).toBe(200);
        const triage = await openTask(i + 1, id);
        expect(triage.activityId).toBe('Task_TriageRequest');
        const done = await call(i + 2, 'POST', `/api/tasks/${triage.id}/complete`, { variables: fillForm(triage.form, { faultType: 'hardware', priority: 'P2', simpleFault: false }) });
        expect(done.status).toBe(200);
      }),
    );
    // then every acknowledged step is there once, and every instance went on to the same next step
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const rows = await db.query(
        `SELECT i.id, i.revision,
           (SELECT count(*) FROM history h WHERE h.instance_id = i.id AND h.type = 'task.completed')::int AS completed,
           (SELECT array_agg(t.activity_id ORDER BY t.activity_id) FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open') AS open
         FROM process_instances i WHERE i.business_key LIKE 'SCALE-%'`,
      );
      expect(rows.rows).toHaveLength(INSTANCES);
      for (const r of rows.rows) {
        expect(r.completed).toBe(2);
        expect(r.open).toEqual(['Task_Dispatch']);
      }
    } finally {
      await db.end();
    }
  });

  it(`fires ${TIMERS} timers due together exactly once across the servers`, async () => {
    // given
    const deployed = await call(0, 'POST', '/api/definitions', { xml: TIMER_PROCESS });
    expect(deployed.status).toBe(201);
    await startTimerInstances(urls, TIMERS, new Date(Date.now() + 24 * 3600_000));
    // when they all fall due now
    const dueAt = new Date(Date.now() + 500);
    expect(await moveDueTimes(databaseUrl, dueAt)).toBe(TIMERS);
    // then
    await waitFor(async () => (await timerEffects(databaseUrl, dueAt)).pendingTimers === 0, 120_000);
    const effects = await timerEffects(databaseUrl, dueAt);
    expect({ exactlyOnce: effects.exactlyOnce, duplicates: effects.duplicates, missing: effects.missing }).toEqual({ exactlyOnce: TIMERS, duplicates: 0, missing: 0 });
  });
});
