// The engine cache across replicas and cluster workers: an engine cached at an old revision is never used; the
// instance that moved to another server recovers from its row, and every command's effect is there exactly once.
import { engineCacheLookups } from '../../src/observability/domain-metrics';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { startReplica, listenLocally } from '../support/replica';
import { adminHeaders } from '../support/server-auth';
import { fillForm } from '../support/scenario';
import { ServerProcess } from '../support/server-process';
import { SERVICE_REQUEST_START } from '../support/service-request';

/** The service-request happy path up to settlement: what each task is completed with. */
const PATH: [string, Record<string, unknown>][] = [
  ['Task_RecordRequest', {}],
  ['Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false }],
  ['Task_Dispatch', { technician: 'li.wei' }],
  ['Task_AgreeAppointment', { appointmentAt: '2026-01-06T02:00:00Z' }],
  ['Task_Diagnose', { diagnosis: 'compressor relay', partsNeeded: false }],
  ['Task_Repair', { repairNotes: 'replaced relay' }],
  ['Task_QualityCheck', { fixed: true, customerSignedOff: true }],
];

async function lookups(): Promise<{ hit: number; miss: number }> {
  const values = (await engineCacheLookups.get()).values;
  const of = (result: string) => values.find((v) => v.labels.result === result)?.value ?? 0;
  return { hit: of('hit'), miss: of('miss') };
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Completes the open task of the instance, which must be `activityId`. */
async function completeOn(call: Call, instanceId: string, activityId: string, values: Record<string, unknown>): Promise<number> {
  const open = (await call('GET', `/api/tasks?processInstanceId=${instanceId}&status=open`)).body.items;
  expect(open.map((t: { activityId: string }) => t.activityId)).toEqual([activityId]);
  return (await call('POST', `/api/tasks/${open[0].id}/complete`, { variables: fillForm(open[0].form, values) })).status;
}

/** li.wei, whom the Dispatch form names, is a real technician (the form takes only an active one). */
async function addTechnician(call: Call): Promise<void> {
  const res = await call('POST', '/api/users', { username: 'li.wei', password: 'li.wei-password-123', roles: ['technician'] });
  expect([201, 409]).toContain(res.status);
}

function caller(baseUrl: string): Call {
  return async (method, path, body) => {
    const res = await fetch(baseUrl + path, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(baseUrl)) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

describe('engine cache: two replicas in this process, one database', () => {
  let t: TestApp;
  let a: Call;
  let b: Call;
  let closeB: () => Promise<void>;
  beforeAll(async () => {
    t = await startTestApp({ env: { ENGINE_CACHE_MAX_COUNT: '100' } });
    const replica = await startReplica(t, { env: { ENGINE_CACHE_MAX_COUNT: '100' } });
    closeB = () => replica.close();
    a = caller(await listenLocally(t.app));
    b = caller(await listenLocally(replica));
    await addTechnician(a);
  });
  afterAll(async () => {
    await closeB?.();
    await t?.close();
  });

  it('replica A, holding an engine at an old revision, recovers from the row after replica B moved the instance on', async () => {
    // given an instance started and advanced on A (A caches its engine), then advanced on B
    const started = await a('POST', '/api/process-instances', { definitionKey: 'service-request', variables: SERVICE_REQUEST_START });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(await completeOn(a, id, ...PATH[0])).toBe(200);
    const beforeB = await lookups();
    expect(await completeOn(b, id, ...PATH[1])).toBe(200);
    const afterB = await lookups();
    expect(afterB.miss - beforeB.miss).toBe(1); // B had nothing cached
    // when A gets the next command: its cached engine is one revision behind the row
    expect(await completeOn(a, id, ...PATH[2])).toBe(200);
    const afterA = await lookups();
    // then A did not use it (a miss: recovered from the row), and B's step is in what A saved
    expect(afterA.hit - afterB.hit).toBe(0);
    expect(afterA.miss - afterB.miss).toBe(1);
    const view = (await a('GET', `/api/process-instances/${id}`)).body;
    expect(view.activeActivityIds).toEqual(['Task_AgreeAppointment']);
    expect(view.variables).toMatchObject({ faultType: 'hardware', technician: 'li.wei' });
    expect(view.history.filter((h: { type: string }) => h.type === 'task.completed').map((h: { activityId: string }) => h.activityId)).toEqual(['Task_RecordRequest', 'Task_TriageRequest', 'Task_Dispatch']);
    // and the next command on A hits the engine A just committed
    expect(await completeOn(a, id, ...PATH[3])).toBe(200);
    const last = await lookups();
    expect(last.hit - afterA.hit).toBe(1);
  });
});

describe('engine cache: two replicas of two cluster workers each, one database', () => {
  let databaseUrl: string;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // One after the other: two clusters compiling at once on a busy 2-core machine may miss any boot timeout.
    for (let i = 0; i < 2; i++) servers.push(await ServerProcess.start(databaseUrl, { WEB_CONCURRENCY: '2', DB_POOL_SIZE: '4', ENGINE_CACHE_MAX_COUNT: '100' }, 240_000));
  }, 500_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await dropTestDatabase(databaseUrl);
  });

  it('moves instances between four workers on every kind of route and each command takes effect exactly once', async () => {
    // given three instances, each driven through the path by servers in a different order (workers alternate too)
    const calls = servers.map((s) => caller(s.baseUrl));
    await addTechnician(calls[0]);
    const routes = [
      [0, 0, 1, 1, 0, 1, 0],
      [1, 0, 0, 0, 1, 1, 1],
      [0, 1, 0, 1, 0, 1, 0],
    ];
    for (const route of routes) {
      const started = await calls[route[0]]('POST', '/api/process-instances', { definitionKey: 'service-request', variables: SERVICE_REQUEST_START });
      expect(started.status).toBe(201);
      // when each task is completed on the route's server
      for (const [step, server] of route.entries()) expect(await completeOn(calls[server], started.body.id, ...PATH[step])).toBe(200);
      // then the instance waits at settlement with every task completed once, in order
      const view = (await calls[1]('GET', `/api/process-instances/${started.body.id}`)).body;
      expect(view.activeActivityIds).toEqual(['Task_Settlement']);
      expect(view.history.filter((h: { type: string }) => h.type === 'task.completed').map((h: { activityId: string }) => h.activityId)).toEqual(PATH.map(([activityId]) => activityId));
      expect(view.revision).toBe(PATH.length + 1);
    }
    // and the cache was in play: lookups on both servers, hits where a worker got its own instance's next command
    const scrape = async (s: ServerProcess) => (await fetch(`${s.baseUrl}/metrics`)).text();
    const count = (text: string, result: string) => Number(text.match(new RegExp(`serviceflow_engine_cache_lookups_total\\{result="${result}"\\} (\\d+)`))?.[1] ?? 0);
    const texts = await Promise.all(servers.map(scrape));
    const total = texts.reduce((sum, text) => sum + count(text, 'hit') + count(text, 'miss'), 0);
    expect(total).toBe(routes.length * PATH.length);
  });
});
