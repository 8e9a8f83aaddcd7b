// Bulk actions as durable batches on PostgreSQL: a bulk cancel of 50 instances with progress on the stream, audited each.
import { DataSource } from 'typeorm';
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { ServiceRegistry } from '../../src/engine/service-registry';
import { startTestApp, type TestApp } from '../support/app';
import { SseClient } from '../support/sse-client';
import { BatchWorker } from '../../src/bulk/batch-worker';

describe('bulk actions', () => {
  let t: TestApp;
  let base: string;
  const streams: SseClient[] = [];
  beforeAll(async () => {
    // The pollers are off: the batch request itself starts the work, and a test drives the worker when it needs to.
    t = await startTestApp({ env: { BATCH_POLL_MS: '0', WEBHOOK_POLL_MS: '0' } });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('bulk') }).expect(201);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    streams.forEach((s) => s.close());
  });

  const start = async (key: string) => (await t.http.post('/api/process-instances').send({ definitionKey: 'bulk', businessKey: key }).expect(201)).body.id as string;
  const batch = async (id: string) => (await t.http.get(`/api/batches/${id}`).expect(200)).body;
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('cancels 50 test instances by filter in the background: progress on the stream and GET, one audit entry each', async () => {
    // given: 50 test requests and 3 real ones that must survive
    const tests: string[] = [];
    for (let i = 0; i < 50; i++) tests.push(await start(`TEST-${i}`));
    const real = [await start('REAL-1'), await start('REAL-2'), await start('REAL-3')];
    const stream = await SseClient.open(`${base}/api/events?roles=supervisor&types=batch.progress`, { authorization: `Bearer ${t.adminToken}` });
    streams.push(stream);

    // when
    const res = await t.http.post('/api/batches').send({ type: 'cancel', filter: { definitionKey: 'bulk', businessKeyPrefix: 'TEST-' }, reason: 'test data' }).expect(202);
    expect(res.body).toMatchObject({ type: 'cancel', total: 50 });

    // then: progress arrives on the live stream, item by item, up to 50 done
    const last = await stream.waitFor((m) => m.data.id === res.body.id && m.data.progress.done === 50, 60_000, 'the last batch.progress');
    expect(last.data.progress).toEqual({ total: 50, done: 50, failed: 0, pending: 0 });
    // one event per item (the stream may deliver an event twice around a reconnect-free replay: its id tells them apart)
    const events = new Map(stream.messages.filter((m) => m.data.id === res.body.id).map((m) => [m.id, m.data.progress.done as number]));
    expect([...events.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const done = await batch(res.body.id);
    expect(done.progress).toEqual({ total: 50, done: 50, failed: 0, pending: 0 });
    expect(done.endedAt).not.toBeNull();
    expect(done.items.map((i: { targetId: string }) => i.targetId).sort()).toEqual([...tests].sort());
    for (const id of tests.slice(0, 5)) expect((await t.http.get(`/api/process-instances/${id}`).expect(200)).body.status).toBe('cancelled');
    for (const id of real) expect((await t.http.get(`/api/process-instances/${id}`).expect(200)).body.status).toBe('active');
    const audit = (await t.http.get('/api/audit').query({ action: 'instance.cancelled', limit: 200 }).expect(200)).body.items;
    const audited = audit.filter((a: { detail: { batchId?: string } }) => a.detail?.batchId === res.body.id);
    expect(audited.map((a: { targetId: string }) => a.targetId).sort()).toEqual([...tests].sort());
    expect(audited[0]).toMatchObject({ actor: 'user:admin', detail: { reason: 'test data' } });
  }, 180_000);

  it('reports an item that fails (already cancelled) and carries on with the rest', async () => {
    const a = await start('FAIL-A');
    const b = await start('FAIL-B');
    await t.http.delete(`/api/process-instances/${a}`).send({ reason: 'by hand' }).expect(200);
    const res = await t.http.post('/api/batches').send({ type: 'cancel', ids: [a, b] }).expect(202);
    const done = await until(() => batch(res.body.id), (x) => x.progress.pending === 0);
    expect(done.progress).toMatchObject({ done: 1, failed: 1 });
    expect(done.items).toEqual([expect.objectContaining({ targetId: a, status: 'failed', error: expect.stringMatching(/already cancelled/) }), expect.objectContaining({ targetId: b, status: 'done' })]);
  }, 60_000);

  it('is durable: items left pending (a restart) are taken by a worker, each once, even with two workers racing', async () => {
    // given: a batch whose items are pending as after a crash (written straight into the tables, nobody working them)
    const ids = [await start('DUR-1'), await start('DUR-2'), await start('DUR-3'), await start('DUR-4')];
    const db = t.app.get(DataSource);
    const batchId = '00000000-0000-4000-8000-00000000b001';
    await db.query(`INSERT INTO batches (id, type, params, created_by, created_at, total) VALUES ($1, 'cancel', '{}', 'user:admin', now(), 4)`, [batchId]);
    await db.query(`INSERT INTO batch_items (batch_id, seq, target_id) SELECT $1, n, t FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n)`, [batchId, ids]);
    // when: two workers drain at once
    const worker = t.app.get(BatchWorker);
    const [x, y] = await Promise.all([worker.drain(), worker.drain()]);
    // then: four items, each done once
    expect(x + y).toBe(4);
    expect((await batch(batchId)).progress).toEqual({ total: 4, done: 4, failed: 0, pending: 0 });
    const audits: { target_id: string }[] = await db.query(`SELECT target_id FROM audit_log WHERE action = 'instance.cancelled' AND detail->>'batchId' = $1`, [batchId]);
    expect(audits.map((r) => r.target_id).sort()).toEqual([...ids].sort());
  }, 60_000);

  it('hands a sick technician\'s open tasks to a colleague, with history on each instance', async () => {
    // given: three tasks claimed by "sick", one by someone else
    const sick = await t.as('sick', ['agent']);
    const other = await t.as('other', ['agent']);
    const instances = [await start('RE-1'), await start('RE-2'), await start('RE-3'), await start('RE-4')];
    const taskOf = async (id: string) => (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items[0];
    for (const id of instances.slice(0, 3)) await sick.post(`/api/tasks/${(await taskOf(id)).id}/claim`).send({ assignee: 'sick' }).expect(200);
    await other.post(`/api/tasks/${(await taskOf(instances[3])).id}/claim`).send({ assignee: 'other' }).expect(200);
    // when
    const res = await t.http.post('/api/batches').send({ type: 'reassignTasks', filter: { assignee: 'sick' }, assignee: 'healthy' }).expect(202);
    // then
    expect(res.body.total).toBe(3);
    const done = await until(() => batch(res.body.id), (x) => x.progress.pending === 0);
    expect(done.progress).toMatchObject({ done: 3, failed: 0 });
    expect(await Promise.all(instances.map(async (id) => (await taskOf(id)).assignee))).toEqual(['healthy', 'healthy', 'healthy', 'other']);
    const history = (await t.http.get(`/api/process-instances/${instances[0]}`).expect(200)).body.history;
    expect(history).toContainEqual(expect.objectContaining({ type: 'task.reassigned', detail: expect.objectContaining({ from: 'sick', to: 'healthy' }) }));
  }, 60_000);

  it('retries every incident of one failing handler once it works again', async () => {
    // given: three instances stuck on an incident of a handler that was down
    let down = true;
    t.app.get(ServiceRegistry).register('bulkFlaky', 'test handler that is down, then up', () => {
      if (down) throw new Error('the CRM is down');
      return { synced: true };
    });
    const flaky = bpmn(
      `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sync" />
      <bpmn:serviceTask id="Sync" name="Sync" camunda:type="external" camunda:topic="bulkFlaky" />
      <bpmn:sequenceFlow id="F2" sourceRef="Sync" targetRef="End" /><bpmn:endEvent id="End" />`,
      { id: 'bulk-flaky' },
    );
    await t.http.post('/api/definitions').send({ xml: flaky }).expect(201);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.http.post('/api/process-instances').send({ definitionKey: 'bulk-flaky' }).expect(201)).body.id);
    for (const id of ids) expect((await t.http.get('/api/incidents').query({ processInstanceId: id }).expect(200)).body.items).toHaveLength(1);
    // when: the handler is back and the incidents of Sync are retried in bulk
    down = false;
    const res = await t.http.post('/api/batches').send({ type: 'retryIncidents', filter: { definitionKey: 'bulk-flaky', activityId: 'Sync' } }).expect(202);
    // then
    expect(res.body.total).toBe(3);
    const done = await until(() => batch(res.body.id), (x) => x.progress.pending === 0);
    expect(done.progress).toMatchObject({ done: 3, failed: 0 });
    for (const id of ids) expect((await t.http.get(`/api/process-instances/${id}`).expect(200)).body).toMatchObject({ status: 'completed', endActivityId: 'End' });
  }, 60_000);

  it('refuses a batch with no items, an unknown type or a missing parameter with 400 and what to send', async () => {
    expect((await t.http.post('/api/batches').send({ type: 'explode', ids: [] }).expect(400)).body.message.toString()).toMatch(/type must be one of cancel, retryIncidents, reassignTasks, migrate/);
    expect((await t.http.post('/api/batches').send({ type: 'cancel' }).expect(400)).body.message.toString()).toMatch(/ids, or a filter/);
    expect((await t.http.post('/api/batches').send({ type: 'reassignTasks', filter: { assignee: 'sick' } }).expect(400)).body.message.toString()).toMatch(/needs assignee/);
    expect((await t.http.post('/api/batches').send({ type: 'cancel', filter: { businessKeyPrefix: 'NOBODY-' } }).expect(400)).body.message.toString()).toMatch(/selects nothing/);
  });
});
