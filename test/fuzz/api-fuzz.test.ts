// Fuzz: over a thousand malformed bodies, headers, path parameters and query strings across every endpoint the
// OpenAPI document lists; none may answer 5xx or hang, and the server still serves correctly afterwards.
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/app';
import { simpleTaskProcess } from '../support/bpmn';
import { hugeBody, OUT_OF_RANGE_NUMBERS, pick, seeded, surrogateBody, weirdBody, weirdHeaders, weirdQuery, weirdString } from '../support/fuzz-inputs';

const REQUESTS = 1200;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  numericParams: string[];
}

async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: { type?: string } }[] }>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({ method: method.toUpperCase(), path, pathParams: params.filter((p) => p.in === 'path').map((p) => p.name), queryParams: params.filter((p) => p.in === 'query').map((p) => p.name), numericParams: params.filter((p) => ['integer', 'number'].includes(p.schema?.type ?? '')).map((p) => p.name) });
    }
  }
  return ops;
}

describe('API fuzz', () => {
  let t: TestApp;
  let baseUrl: string;
  let token: string;
  const realIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    token = t.adminToken;
    // Some real ids, so that a share of the requests reaches existing rows.
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('fuzz-target') }).expect(201);
    const instance = await t.http.post('/api/process-instances').send({ definitionKey: 'fuzz-target' }).expect(201);
    const tasks = await t.http.get('/api/tasks').query({ processInstanceId: instance.body.id }).expect(200);
    realIds.push(instance.body.id, tasks.body.items[0].id, 'fuzz-target', 'service-request');
  });
  afterAll(() => t.close());

  it(`answers ${REQUESTS} malformed requests without a 5xx or a hang`, async () => {
    // given
    const random = seeded(SEED);
    const operations = await operationsOf(baseUrl);
    expect(operations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    // when
    for (let i = 0; i < REQUESTS; i++) {
      const op = operations[i % operations.length];
      let path = op.path;
      for (const name of op.pathParams) path = path.replace(`{${name}}`, encodeURIComponent(random() < 0.3 ? pick(random, realIds) : weirdString(random) || 'x'));
      const query = random() < 0.7 ? weirdQuery(random, op.queryParams) : '';
      const headers = weirdHeaders(random);
      if (random() < 0.35) headers.authorization = `Bearer ${token}`;
      // fetch cannot send a body with GET; DELETE sometimes gets one.
      const hasBody = op.method === 'GET' ? false : op.method === 'DELETE' ? random() < 0.3 : true;
      const body = hasBody ? weirdBody(random) : undefined;
      if (body) headers['content-type'] = body.contentType;
      const url = `${baseUrl}${path}${query ? `?${query}` : ''}`;
      const label = `#${i} ${op.method} ${url.slice(baseUrl.length, baseUrl.length + 150)} ${body ? body.body.slice(0, 80) : ''}`;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 10_000);
      try {
        const res = await fetch(url, { method: op.method, headers, body: body?.body, signal: abort.signal });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) failures.push(`${label} → ${res.status} ${(await res.text()).slice(0, 200)}`);
        else if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) await res.body?.cancel();
        else await res.arrayBuffer();
      } catch (err) {
        failures.push(`${label} → ${(err as Error).name}: ${(err as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    // then
    expect(failures).toEqual([]);
    expect(Object.keys(statuses).some((s) => s.startsWith('4'))).toBe(true);
  });

  describe('sweeps over every endpoint', () => {
    const mutating = (ops: Operation[]) => ops.filter((op) => op.method !== 'GET');
    /** A path with plausible parameters, so that the request reaches the route's own checks. */
    const concrete = (op: Operation) => op.pathParams.reduce((path, name) => path.replace(`{${name}}`, name === 'key' ? 'fuzz-target' : realIds[0]), op.path);
    const send = async (op: Operation, init: { query?: string; contentType?: string; body?: string }) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(init.contentType ? { 'content-type': init.contentType } : {}) };
      const res = await fetch(`${baseUrl}${concrete(op)}${init.query ? `?${init.query}` : ''}`, { method: op.method, headers, body: init.body, signal: AbortSignal.timeout(20_000) });
      const text = (res.headers.get('content-type') ?? '').includes('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
      return { status: res.status, text };
    };

    it('answers out-of-range numbers in every numeric query parameter with 400', async () => {
      const operations = (await operationsOf(baseUrl)).filter((op) => op.numericParams.length);
      expect(operations.length).toBeGreaterThan(5);
      const wrong: string[] = [];
      for (const op of operations) {
        for (const name of op.numericParams) {
          for (const value of OUT_OF_RANGE_NUMBERS) {
            const { status, text } = await send(op, { query: `${name}=${encodeURIComponent(value)}` });
            if (status !== 400) wrong.push(`${op.method} ${op.path}?${name}=${value} → ${status} ${text.slice(0, 120)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('answers a huge body of every content type with a 4xx (413 where a parser reads it)', async () => {
      const operations = mutating(await operationsOf(baseUrl));
      const wrong: string[] = [];
      const cases = operations.map((op, i) => ({ op, kind: i % 5 }));
      // Every content type also against the two busiest routes.
      for (const path of ['/api/process-instances', '/api/definitions']) for (let kind = 0; kind < 5; kind++) cases.push({ op: operations.find((o) => o.path === path && o.method === 'POST')!, kind });
      for (const { op, kind } of cases) {
        const huge = hugeBody(kind, kind === 4 ? 11 * 1024 * 1024 : 5 * 1024 * 1024);
        const { status, text } = await send(op, huge);
        const parsed = kind < 2 || (kind === 4 && op.path === '/api/definitions');
        if (status >= 500 || status < 400 || (parsed && status !== 413)) wrong.push(`${op.method} ${op.path} ${huge.contentType} → ${status} ${text.slice(0, 120)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('refuses lone surrogates in every JSON body with 400', async () => {
      const random = seeded(SEED);
      const wrong: string[] = [];
      for (const op of mutating(await operationsOf(baseUrl))) {
        const { status, text } = await send(op, { contentType: 'application/json', body: surrogateBody(random) });
        if (status !== 400 || !text.includes('lone UTF-16 surrogate')) wrong.push(`${op.method} ${op.path} → ${status} ${text.slice(0, 120)}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('still serves correctly afterwards', async () => {
    await t.http.get('/health').expect(200);
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'fuzz-target' }).expect(201);
    const tasks = await t.http.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200);
    await t.http.post(`/api/tasks/${tasks.body.items[0].id}/complete`).send({ variables: { done: true } }).expect(200);
    const done = await t.http.get(`/api/process-instances/${started.body.id}`).expect(200);
    expect(done.body.status).toBe('completed');
  });
});
