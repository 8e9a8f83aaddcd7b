// External task workers through the API (Camunda 7 shapes) on a real server: failures count down to an incident,
// the incident's retry makes the task fetchable, a BPMN error takes the error boundary, a worker killed mid-lock
// loses nothing, and stale or wrong workers get 409. Lock expiry and retry timeouts run on a fake clock.
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { invoiceProcess, Worker } from '../support/external-tasks';

describe('external tasks', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  let t: TestApp;
  let key: string;
  let baseUrl: string;
  const worker = (id: string) => new Worker(baseUrl, key, id);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    key = await t.apiKey(['external-tasks']);
    await t.http.post('/api/definitions').send({ xml: invoiceProcess() }).expect(201);
  });
  afterAll(() => t.close());

  const start = async (variables: object = { amount: 120, customer: { name: '王芳' } }, businessKey?: string) =>
    (await t.http.post('/api/process-instances').send({ definitionKey: 'ext-invoice', variables, businessKey }).expect(201)).body;
  const instance = async (id: string) => (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
  const incidentsOf = async (id: string) => (await t.http.get(`/api/incidents?processInstanceId=${id}`).expect(200)).body.items;
  const externalTasksOf = async (id: string) => (await t.http.get(`/api/external-tasks?processInstanceId=${id}`).expect(200)).body.items;

  it('deploys any topic: the service task waits as an external task, listed with Camunda’s fields', async () => {
    // given
    const { id, activeActivityIds } = await start(undefined, 'INV-1');
    // then
    expect(activeActivityIds.sort()).toEqual(['SendInvoice', 'Unreachable']);
    expect(await externalTasksOf(id)).toEqual([
      expect.objectContaining({ topicName: 'sendInvoice', activityId: 'SendInvoice', processInstanceId: id, processDefinitionKey: 'ext-invoice', businessKey: 'INV-1', workerId: null, lockExpirationTime: null, retries: null, errorMessage: null }),
    ]);
    expect((await instance(id)).externalTasks).toEqual([expect.objectContaining({ activityId: 'SendInvoice', topicName: 'sendInvoice', workerId: null, retries: null })]);
    await worker('cleanup').fetch('sendInvoice', { maxTasks: 100 }).then((ts) => Promise.all(ts.map((x) => worker('cleanup').complete(x.id).expect(204))));
  });

  it('fails until an incident opens, the incident is retried, then a BPMN error takes the error boundary', async () => {
    // given a new invoice and a worker that fetches it with only the variables it needs
    const { id } = await start({ amount: 120, customer: { name: '王芳' }, internalNote: 'not for the worker' }, 'INV-2');
    const w = worker('mailer-1');
    const [task] = await w.fetch('sendInvoice', { variables: ['amount', 'customer'] });
    expect(task).toMatchObject({ processInstanceId: id, workerId: 'mailer-1', businessKey: 'INV-2', retries: null, variables: { amount: { value: 120, type: 'Integer' }, customer: { value: '{"name":"王芳"}', type: 'Json' } } });
    expect(Object.keys(task.variables)).toEqual(['amount', 'customer']);
    expect(new Date(task.lockExpirationTime).getTime()).toBe(clock.now().getTime() + 60_000);

    // when the worker fails with 2 retries left and a 5 s retry timeout
    await w.failure(task.id, 2, 5000).expect(204);
    // then nobody can fetch it for 5 s, then it comes back with the error
    expect(await w.fetch('sendInvoice')).toEqual([]);
    clock.advance(5000);
    const [again] = await w.fetch('sendInvoice');
    expect(again).toMatchObject({ id: task.id, retries: 2, errorMessage: 'SMTP relay refused the message' });
    await w.failure(task.id, 1).expect(204);
    const [third] = await w.fetch('sendInvoice');
    expect(await incidentsOf(id)).toEqual([]);

    // when the last retry is used up
    await w.failure(third.id, 0).expect(204);
    // then an incident is open, the task cannot be fetched, and the instance still waits there
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ status: 'open', activityId: 'SendInvoice', error: expect.stringContaining('SMTP relay refused the message') });
    expect(await w.fetch('sendInvoice')).toEqual([]);
    expect((await externalTasksOf(id))[0]).toMatchObject({ retries: 0, workerId: null });
    expect((await instance(id)).activeActivityIds).toContain('SendInvoice');

    // when a supervisor retries the incident
    await t.http.post(`/api/incidents/${incident.id}/retry`).expect(200);
    // then the incident is resolved and the task is fetchable with one retry
    expect((await incidentsOf(id))[0]).toMatchObject({ status: 'resolved', resolution: expect.stringContaining('retries set to 1') });
    const [retried] = await w.fetch('sendInvoice');
    expect(retried).toMatchObject({ id: task.id, retries: 1 });

    // when the worker throws the BPMN error the diagram catches
    await w.bpmnError(retried.id, 'CUSTOMER_UNREACHABLE', { reason: { value: 'no answer', type: 'String' } }).expect(204);
    // then the error boundary took the flow: the call task is open and the variables arrived
    const view = await instance(id);
    expect(view.activeActivityIds).toEqual(['CallCustomer']);
    expect(view.variables.reason).toBe('no answer');
    expect(view.tasks.filter((x: { status: string }) => x.status === 'open').map((x: { activityId: string }) => x.activityId)).toEqual(['CallCustomer']);
    expect(await externalTasksOf(id)).toEqual([]);
    const types = view.history.map((h: { type: string }) => h.type);
    expect(types.filter((x: string) => x.startsWith('external_task.') || x.startsWith('incident.'))).toEqual([
      'external_task.created', 'external_task.failed', 'external_task.failed', 'external_task.failed', 'incident.created', 'incident.resolved', 'external_task.bpmn_error',
    ]);
    // and the task is done: a late completion answers 409
    const late = await w.complete(retried.id);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already completed/);
  });

  it('completes with typed variables and the instance moves on', async () => {
    const { id } = await start();
    const w = worker('mailer-2');
    const [task] = await w.fetch('sendInvoice');
    await w.complete(task.id, { invoiceNo: { value: 'F-2026-001', type: 'String' }, total: { value: '120.5', type: 'Double' }, lines: { value: '[{"sku":"AC"}]', type: 'Json' } }).expect(204);
    const view = await instance(id);
    expect(view.status).toBe('completed');
    expect(view.endActivityId).toBe('Invoiced');
    expect(view.variables).toMatchObject({ invoiceNo: 'F-2026-001', total: 120.5, lines: [{ sku: 'AC' }] });
  });

  it('a BPMN error no boundary catches opens an incident; retrying it makes the task fetchable again', async () => {
    const { id } = await start();
    const w = worker('mailer-3');
    const [task] = await w.fetch('sendInvoice');
    // when
    await w.bpmnError(task.id, 'NO_SUCH_CODE').expect(204);
    // then the instance still waits at the task, behind an open incident that says why
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ status: 'open', activityId: 'SendInvoice', error: expect.stringMatching(/BPMN error "NO_SUCH_CODE".*was not caught by an error boundary event/) });
    expect((await instance(id)).activeActivityIds).toContain('SendInvoice');
    expect(await w.fetch('sendInvoice')).toEqual([]);
    await t.http.post(`/api/incidents/${incident.id}/retry`).expect(200);
    const [again] = await w.fetch('sendInvoice');
    await w.complete(again.id).expect(204);
    expect((await instance(id)).status).toBe('completed');
  });

  it('an incident of an external task resolved by hand completes the task with the given variables', async () => {
    const { id } = await start();
    const w = worker('mailer-4');
    const [task] = await w.fetch('sendInvoice');
    await w.failure(task.id, 0).expect(204);
    const [incident] = await incidentsOf(id);
    await t.http.post(`/api/incidents/${incident.id}/resolve`).send({ note: 'invoice sent by post', variables: { invoiceNo: 'PAPER-1' } }).expect(200);
    const view = await instance(id);
    expect(view).toMatchObject({ status: 'completed', endActivityId: 'Invoiced', variables: { invoiceNo: 'PAPER-1' } });
    expect((await incidentsOf(id))[0]).toMatchObject({ status: 'resolved', resolution: 'resolved by hand: invoice sent by post' });
    expect((await w.complete(task.id)).status).toBe(409);
  });

  it('a worker killed mid-lock loses nothing: the lock expires, another worker completes, the first gets 409', async () => {
    // given worker A locks the task for 30 s and dies
    const { id } = await start();
    const a = worker('worker-a');
    const b = worker('worker-b');
    const [task] = await a.fetch('sendInvoice', { lockDuration: 30_000 });
    expect(await b.fetch('sendInvoice')).toEqual([]);
    // when the lock expires
    clock.advance(30_001);
    const [taken] = await b.fetch('sendInvoice');
    // then B has it; A, back from the dead, can neither extend, fail nor complete it
    expect(taken.id).toBe(task.id);
    const stale = await a.complete(task.id);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/locked by worker "worker-b", not by "worker-a"/);
    expect((await a.post(`/${task.id}/extend-lock`, { workerId: 'worker-a', newDuration: 1000 })).status).toBe(409);
    expect((await a.failure(task.id, 0)).status).toBe(409);
    await b.complete(taken.id).expect(204);
    const view = await instance(id);
    expect(view.status).toBe('completed');
    expect(view.history.filter((h: { type: string }) => h.type === 'external_task.completed')).toHaveLength(1);
  });

  it('extend-lock keeps a task; unlock makes it fetchable at once', async () => {
    await start();
    const a = worker('slow-worker');
    const [task] = await a.fetch('sendInvoice', { lockDuration: 10_000 });
    clock.advance(9_000);
    await a.post(`/${task.id}/extend-lock`, { workerId: 'slow-worker', newDuration: 10_000 }).expect(204);
    clock.advance(9_000);
    expect(await worker('other').fetch('sendInvoice')).toEqual([]);
    await a.post(`/${task.id}/unlock`).expect(204);
    const [taken] = await worker('other').fetch('sendInvoice');
    expect(taken.id).toBe(task.id);
    await worker('other').complete(taken.id).expect(204);
  });

  it('cancelling the instance cancels its external task', async () => {
    const { id } = await start();
    const [task] = await worker('w').fetch('sendInvoice');
    await t.http.delete(`/api/process-instances/${id}`).send({ reason: 'customer withdrew' }).expect(200);
    expect(await externalTasksOf(id)).toEqual([]);
    expect((await worker('w').complete(task.id)).status).toBe(409);
  });

  it('a boundary timer that interrupts an external task cancels it; its worker then gets 409', async () => {
    // given a task that may take at most 1 h
    const xml = bpmn(
      `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Quote" />
      <bpmn:serviceTask id="Quote" name="Get a quote" camunda:type="external" camunda:topic="supplierQuote" />
      <bpmn:sequenceFlow id="F2" sourceRef="Quote" targetRef="Done" /><bpmn:endEvent id="Done" name="Done" />
      <bpmn:boundaryEvent id="TooSlow" name="1 h" attachedToRef="Quote"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="F3" sourceRef="TooSlow" targetRef="Late" /><bpmn:endEvent id="Late" name="Late" />`,
      { id: 'ext-timeout' },
    );
    await t.http.post('/api/definitions').send({ xml }).expect(201);
    const { id } = (await t.http.post('/api/process-instances').send({ definitionKey: 'ext-timeout', variables: {} }).expect(201)).body;
    const [task] = await worker('supplier').fetch('supplierQuote', { lockDuration: 2 * 3600_000 });
    // when the hour passes
    clock.advance(3600_000);
    await t.app.get(TimerFiringService).fireDue();
    // then the instance took the timer path and the task is gone
    const view = await instance(id);
    expect(view).toMatchObject({ status: 'completed', endActivityId: 'Late' });
    expect(view.history.map((h: { type: string }) => h.type)).toContain('external_task.cancelled');
    const late = await worker('supplier').complete(task.id);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already cancelled/);
  });

  it('usePriority hands out tasks of a higher camunda:taskPriority first; without it, oldest first', async () => {
    // given a low-priority task created before a high-priority one
    for (const [key, priority] of [['ext-low', 0], ['ext-high', 10]] as const) {
      const xml = invoiceProcess(key, 'prioTopic').replace('camunda:topic="prioTopic"', `camunda:topic="prioTopic" camunda:taskPriority="${priority}"`);
      await t.http.post('/api/definitions').send({ xml }).expect(201);
    }
    const low = (await t.http.post('/api/process-instances').send({ definitionKey: 'ext-low', variables: {} }).expect(201)).body.id;
    clock.advance(1000);
    const high = (await t.http.post('/api/process-instances').send({ definitionKey: 'ext-high', variables: {} }).expect(201)).body.id;
    // when / then
    const [first] = await worker('prio').post('/fetch-and-lock', { workerId: 'prio', maxTasks: 1, usePriority: true, topics: [{ topicName: 'prioTopic', lockDuration: 1000 }] }).then((r) => r.body);
    expect(first).toMatchObject({ processInstanceId: high, priority: 10 });
    const [second] = await worker('prio').fetch('prioTopic');
    expect(second).toMatchObject({ processInstanceId: low, priority: 0 });
    await worker('prio').complete(first.id).expect(204);
    await worker('prio').complete(second.id).expect(204);
  });

  it('exposes open external tasks by topic and state in /metrics', async () => {
    const { id } = await start();
    const metrics = (await t.anon.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/serviceflow_external_tasks\{topic="sendInvoice",state="available"\} [1-9]/);
    await t.http.delete(`/api/process-instances/${id}`).send({ reason: 'done looking' }).expect(200);
  });

  it('needs the external-tasks scope; bad input answers 400', async () => {
    const readKey = await t.apiKey(['read']);
    await new Worker(baseUrl, readKey, 'r').post('/fetch-and-lock', { workerId: 'r', maxTasks: 1, topics: [{ topicName: 'x', lockDuration: 1 }] }).expect(403);
    const agent = await t.as('li.na', ['agent']);
    await agent.post('/api/external-tasks/fetch-and-lock').send({ workerId: 'r', maxTasks: 1, topics: [{ topicName: 'x', lockDuration: 1 }] }).expect(403);
    await agent.get('/api/external-tasks').expect(403);
    await t.http.get('/api/external-tasks').set('Authorization', '').set('X-API-Key', readKey).expect(200);
    const w = worker('v');
    for (const body of [{}, { workerId: 'v', maxTasks: 1, topics: [] }, { workerId: 'v', maxTasks: 1, topics: [{ topicName: 'x', lockDuration: -1 }] }, { workerId: 'v', maxTasks: 1, topics: [{ topicName: 'x', lockDuration: 1 }], asyncResponseTimeout: 1_800_001 }]) {
      expect((await w.post('/fetch-and-lock', body)).status).toBe(400);
    }
    const { id } = await start();
    const [task] = await w.fetch('sendInvoice');
    const bad = await w.complete(task.id, { n: { value: 'x', type: 'Integer' }, o: { value: 'rO0AB', type: 'Object' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['variables.n', 'variables.o']);
    expect((await w.post(`/${task.id}/failure`, { workerId: 'v', retries: -1 })).status).toBe(400);
    expect((await w.complete('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await w.complete(task.id).expect(204);
    expect((await instance(id)).status).toBe('completed');
  });
});
