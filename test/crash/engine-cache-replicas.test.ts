// The engine cache across replicas and cluster workers: an engine cached at an old revision is never used; the
// instance that moved to another server recovers from its row, and every command's effect is there exactly once.
import * as fs from 'node:fs';
import * as http from 'node:http';
import { ownerSlot } from '../../src/cluster/instance-owner.util';
import { workerSocketPath } from '../../src/cluster/request-router';
import { engineCacheLookups } from '../../src/observability/domain-metrics';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { startReplica, listenLocally } from '../support/replica';
import { adminHeaders } from '../support/server-auth';
import { fillForm } from '../support/scenario';
import { ServerProcess, sleep } from '../support/server-process';
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

/**
 * `fresh`: each command (POST) on a new connection, so that the cluster hands consecutive commands to its workers in
 * turn; reads keep one connection (were they fresh too, a read + a command per step would put every command of an
 * instance on the same worker of a two-worker round robin).
 */
function caller(baseUrl: string, fresh = false): Call {
  if (fresh) {
    const kept = caller(baseUrl);
    return (method, path, body) => (method === 'GET' ? kept(method, path) : freshCaller(baseUrl)(method, path, body));
  }
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
  let calls: Call[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // One after the other: two clusters compiling at once on a busy 2-core machine may miss any boot timeout.
    for (let i = 0; i < 2; i++) servers.push(await ServerProcess.start(databaseUrl, { WEB_CONCURRENCY: '2', DB_POOL_SIZE: '4', ENGINE_CACHE_MAX_COUNT: '100', ...ROUTING_ENV }, 240_000));
    calls = servers.map((s) => caller(s.baseUrl, true));
    await addTechnician(calls[0]);
  }, 500_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await dropTestDatabase(databaseUrl);
  });

  it('routes each command to the worker owning the instance: a hit whenever the command before ran on the same server, the row after a move', async () => {
    // given three instances, each driven through the path by the two servers in a different order (each request on a
    // new connection: it lands on either worker of its server, as the cluster hands out connections round robin)
    const routes = [
      [0, 0, 1, 1, 0, 1, 0],
      [1, 0, 0, 0, 1, 1, 1],
      [0, 1, 0, 1, 0, 1, 0],
    ];
    const before = await Promise.all(servers.map(workerLookups));
    let sameServer = 0;
    for (const route of routes) {
      const started = await calls[route[0]]('POST', '/api/process-instances', { definitionKey: 'service-request', variables: SERVICE_REQUEST_START });
      expect(started.status).toBe(201);
      // when each task is completed on the route's server
      for (const [step, server] of route.entries()) {
        if (server === (step === 0 ? route[0] : route[step - 1])) sameServer++;
        expect(await completeOn(calls[server], started.body.id, ...PATH[step])).toBe(200);
      }
      // then the instance waits at settlement with every task completed once, in order: no stale engine ran a step
      const view = (await calls[1]('GET', `/api/process-instances/${started.body.id}`)).body;
      expect(view.activeActivityIds).toEqual(['Task_Settlement']);
      expect(view.history.filter((h: { type: string }) => h.type === 'task.completed').map((h: { activityId: string }) => h.activityId)).toEqual(PATH.map(([activityId]) => activityId));
      expect(view.revision).toBe(PATH.length + 1);
    }
    // and every command that followed one on the same server found its engine there (on the owner worker, whichever
    // worker the request reached); every command after a move to the other server recovered from the row
    const after = await Promise.all(servers.map(workerLookups));
    const delta = (result: 'hit' | 'miss') => after.reduce((sum, workers, s) => sum + Object.entries(workers).reduce((n, [w, c]) => n + c[result] - (before[s][w]?.[result] ?? 0), 0), 0);
    expect(delta('hit') + delta('miss')).toBe(routes.length * PATH.length);
    expect(delta('hit')).toBe(sameServer);
  });

  it('runs a killed worker\'s instances on the other worker while it is down, and on the worker restarted in its slot afterwards', async () => {
    // given an instance started and advanced on server 0: its owner worker holds its engine
    const started = await calls[0]('POST', '/api/process-instances', { definitionKey: 'service-request', variables: SERVICE_REQUEST_START });
    const id = started.body.id as string;
    expect(await completeOn(calls[0], id, ...PATH[0])).toBe(200);
    const slot = String(ownerSlot(id, 2));
    // when that worker is killed -9
    const owner = workerPids(servers[0].pid).find((pid) => workerSlot(pid) === slot)!;
    process.kill(owner, 'SIGKILL');
    await sleep(300); // the client's kept-alive connections to it are closed
    // then the next command still succeeds, on the surviving worker, from the row
    expect(await completeOn(calls[0], id, ...PATH[1])).toBe(200);
    // and once the primary restarted the slot, the instance's commands go to the new worker: a miss (its cache is
    // empty), then a hit
    await waitFor(async () => workerPids(servers[0].pid).some((pid) => pid !== owner && workerSlot(pid) === slot) && (await socketAnswers(servers[0].pid, slot)), 120_000);
    expect(await completeOn(calls[0], id, ...PATH[2])).toBe(200);
    expect(await completeOn(calls[0], id, ...PATH[3])).toBe(200);
    const restarted = (await workerLookups(servers[0]))[slot];
    expect(restarted).toEqual({ hit: 1, miss: 1 });
    const view = (await calls[1]('GET', `/api/process-instances/${id}`)).body;
    expect(view.history.filter((h: { type: string }) => h.type === 'task.completed').map((h: { activityId: string }) => h.activityId)).toEqual(PATH.slice(0, 4).map(([activityId]) => activityId));
  }, 240_000);
});

function freshCaller(baseUrl: string): Call {
  return async (method, path, body) => {
    const headers = { 'content-type': 'application/json', ...(await adminHeaders(baseUrl)) };
    return new Promise((resolve, reject) => {
      const req = http.request(baseUrl + path, { method, headers, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      });
      req.once('error', reject).end(body === undefined ? undefined : JSON.stringify(body));
    });
  };
}

/** Routing on, whatever the environment says (INSTANCE_ROUTING=false runs this file as it was before routing). */
const ROUTING_ENV = { INSTANCE_ROUTING: process.env.TEST_INSTANCE_ROUTING ?? 'true' };

/** Engine cache lookups per cluster worker slot, from the server's /metrics (the primary aggregates its workers). */
async function workerLookups(server: ServerProcess): Promise<Record<string, { hit: number; miss: number }>> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const out: Record<string, { hit: number; miss: number }> = {};
  for (const [, result, worker, value] of text.matchAll(/^serviceflow_engine_cache_lookups_total\{result="(hit|miss)",worker="(\d+)"\} (\d+)/gm)) {
    (out[worker] ??= { hit: 0, miss: 0 })[result as 'hit' | 'miss'] = Number(value);
  }
  return out;
}

function workerPids(primary: number): number[] {
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primary;
    } catch {
      return false;
    }
  });
}

/** The CLUSTER_SLOT the primary gave a worker. */
function workerSlot(pid: number): string | undefined {
  try {
    return /(?:^|\0)CLUSTER_SLOT=(\d+)/.exec(fs.readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** Whether the worker in `slot` answers on its routing socket (it listens there before the shared port). */
function socketAnswers(primary: number, slot: string): Promise<boolean> {
  return new Promise((done) => {
    const req = http.get({ socketPath: workerSocketPath(primary, Number(slot)), path: '/health' }, (res) => (res.resume(), done(res.statusCode === 200)));
    req.once('error', () => done(false));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(250);
  }
}
