// Instances, tasks and messages API end to end over HTTP, on the real service-request process and a few small ones.
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';

const START = SERVICE_REQUEST_START;

/** start → message catch "ping" → user task → end: an instance that waits for a message right after start. */
const messageProcess = bpmn(
  `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Catch_Ping" />
  <bpmn:intermediateCatchEvent id="Catch_Ping" name="Ping received"><bpmn:messageEventDefinition messageRef="Msg_Ping" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Catch_Ping" targetRef="Task_After" />
  <bpmn:userTask id="Task_After" name="After ping" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Task_After" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
  { id: 'ping-after-start', messages: '<bpmn:message id="Msg_Ping" name="ping" />' },
);

type Task = { id: string; activityId: string; status: string; assignee: string | null; candidateRoles: string[] };

describe('instances, tasks and messages API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1'); // one listening server for all requests (supertest would open one per request)
    await t.http.post('/api/definitions').send({ xml: messageProcess }).expect(201);
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('paging') }).expect(201);
  });
  afterAll(() => t?.close());

  const start = (businessKey?: string, variables: Record<string, unknown> = START) =>
    t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey, variables });
  const openTasks = async (instanceId: string): Promise<Task[]> =>
    (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items;
  const complete = (taskId: string, variables: Record<string, unknown>) => t.http.post(`/api/tasks/${taskId}/complete`).send({ variables });
  /** Completes the one open task of the instance, which must be `activityId`. */
  const completeStep = async (instanceId: string, activityId: string, variables: Record<string, unknown>) => {
    const [task] = await openTasks(instanceId);
    expect(task?.activityId).toBe(activityId);
    return (await complete(task.id, variables).expect(200)).body;
  };

  describe('starting', () => {
    it('starts an instance and answers 201 with its shape', async () => {
      // when
      const res = await start('SR-START-1').expect(201);
      // then
      expect(res.body).toMatchObject({ definitionKey: 'service-request', definitionVersion: 1, businessKey: 'SR-START-1', status: 'active', activeActivityIds: ['Task_RecordRequest'] });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('refuses start-form violations with 400 and one detail per field', async () => {
      // given: customerName missing, channel not an option, inWarranty and deviceModel of the wrong type
      const { customerName: _omit, ...rest } = START;
      // when
      const res = await start(undefined, { ...rest, channel: 'fax', inWarranty: 'yes', deviceModel: 42 }).expect(400);
      // then
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', correlationId: expect.any(String) });
      const byField = Object.fromEntries(res.body.details.map((d: { field: string; message: string }) => [d.field, d.message]));
      expect(Object.keys(byField).sort()).toEqual(['channel', 'customerName', 'deviceModel', 'inWarranty']);
      expect(byField.customerName).toMatch(/required/);
      expect(byField.channel).toMatch(/must be one of phone, web/);
      expect(byField.inWarranty).toMatch(/true or false/);
      expect(byField.deviceModel).toMatch(/must be text/);
    });

    it('answers 404 for an unknown definition key and 400 for a malformed request', async () => {
      await t.http.post('/api/process-instances').send({ definitionKey: 'no-such-process', variables: START }).expect(404);
      await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: START, extra: 1 }).expect(400);
      await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: 'not-an-object' }).expect(400);
    });

    it('refuses a second active instance with the same business key, and allows it once the first is cancelled', async () => {
      // given
      const first = await start('SR-DUP').expect(201);
      // when / then (TypeORM prints the refused INSERT on console.log: expected here, so kept quiet)
      const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      let dup: Awaited<ReturnType<typeof start>>;
      try {
        dup = await start('SR-DUP').expect(409);
      } finally {
        quiet.mockRestore();
      }
      expect(dup.body.message).toMatch(/SR-DUP/);
      await t.http.delete(`/api/process-instances/${first.body.id}`).send({ reason: 'duplicate ticket' }).expect(200);
      const again = await start('SR-DUP').expect(201);
      expect(again.body.id).not.toBe(first.body.id);
    });
  });

  describe('querying', () => {
    it('filters and pages the instance list, capping limit at 200', async () => {
      // given: five instances of their own definition, the last one cancelled
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await t.http.post('/api/process-instances').send({ definitionKey: 'paging', businessKey: `PG-${i}` }).expect(201)).body.id);
      await t.http.delete(`/api/process-instances/${ids[4]}`).send({ reason: 'test' }).expect(200);
      // when
      const page1 = await t.http.get('/api/process-instances').query({ definitionKey: 'paging', limit: 2, offset: 0 }).expect(200);
      const page2 = await t.http.get('/api/process-instances').query({ definitionKey: 'paging', limit: 2, offset: 2 }).expect(200);
      const page3 = await t.http.get('/api/process-instances').query({ definitionKey: 'paging', limit: 2, offset: 4 }).expect(200);
      // then
      expect(page1.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
      expect([page1, page2, page3].map((p) => p.body.items.length)).toEqual([2, 2, 1]);
      const seen = [page1, page2, page3].flatMap((p) => p.body.items.map((i: { id: string }) => i.id));
      expect(new Set(seen)).toEqual(new Set(ids));
      const active = await t.http.get('/api/process-instances').query({ definitionKey: 'paging', status: 'active' }).expect(200);
      expect(active.body.total).toBe(4);
      const cancelled = await t.http.get('/api/process-instances').query({ definitionKey: 'paging', status: 'cancelled' }).expect(200);
      expect(cancelled.body.items.map((i: { id: string }) => i.id)).toEqual([ids[4]]);
      const byKey = await t.http.get('/api/process-instances').query({ businessKey: 'PG-2' }).expect(200);
      expect(byKey.body).toMatchObject({ total: 1, items: [{ id: ids[2], businessKey: 'PG-2' }] });
      await t.http.get('/api/process-instances').query({ limit: 200 }).expect(200);
      await t.http.get('/api/process-instances').query({ limit: 500 }).expect(400);
      await t.http.get('/api/process-instances').query({ status: 'sleeping' }).expect(400);
    });

    it('shows the detail with variables, tasks and timestamped history', async () => {
      // given
      const { body: started } = await start('SR-DETAIL').expect(201);
      // when
      const { body } = await t.http.get(`/api/process-instances/${started.id}`).expect(200);
      // then
      expect(body).toMatchObject({ id: started.id, status: 'active', variables: expect.objectContaining({ customerName: 'Li Wei', inWarranty: true }) });
      expect(body.tasks).toEqual([expect.objectContaining({ activityId: 'Task_RecordRequest', status: 'open' })]);
      expect(body.timers).toEqual([]);
      expect(body.awaitedMessages).toEqual([]);
      const types = body.history.map((h: { type: string }) => h.type);
      expect(types).toEqual(expect.arrayContaining(['process.started', 'activity.started', 'customer.notified', 'task.created']));
      const times = body.history.map((h: { at: string }) => Date.parse(h.at));
      expect(times.every((ms: number) => Number.isFinite(ms) && Math.abs(ms - Date.parse(body.startedAt)) < 60_000)).toBe(true);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });
  });

  describe('tasks', () => {
    it('lists by candidate role, claims once, validates forms and moves the process on', async () => {
      // given
      const { body: inst } = await start('SR-TASKS').expect(201);
      // when / then: the first task is an agent's, not a technician's
      const agent = await t.http.get('/api/tasks').query({ candidateRole: 'agent', processInstanceId: inst.id }).expect(200);
      expect(agent.body.items).toEqual([expect.objectContaining({ activityId: 'Task_RecordRequest', candidateRoles: ['agent'], status: 'open' })]);
      const tech = await t.http.get('/api/tasks').query({ candidateRole: 'technician', processInstanceId: inst.id }).expect(200);
      expect(tech.body.total).toBe(0);
      const task: Task = agent.body.items[0];
      // claim: alice wins, bob gets 409, alice again is fine
      expect((await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'alice' }).expect(200)).body).toMatchObject({ assignee: 'alice', claimedAt: expect.any(String) });
      expect((await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'bob' }).expect(409)).body.message).toMatch(/alice/);
      await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'alice' }).expect(200);
      expect((await t.http.get('/api/tasks').query({ assignee: 'alice', processInstanceId: inst.id }).expect(200)).body.total).toBe(1);
      // form errors: missing required, wrong type, unknown field
      expect((await complete(task.id, {}).expect(400)).body.details).toEqual([{ field: 'requirementUnderstood', message: expect.stringMatching(/required/) }]);
      expect((await complete(task.id, { requirementUnderstood: 'maybe' }).expect(400)).body.details).toEqual([{ field: 'requirementUnderstood', message: expect.stringMatching(/true or false/) }]);
      const unknown = await complete(task.id, { requirementUnderstood: true, mood: 'happy' }).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'mood', message: expect.stringMatching(/not a field of this form/) }]);
      // complete: the next task appears, and the task cannot be completed twice
      const done = await complete(task.id, { requirementUnderstood: true }).expect(200);
      expect(done.body).toMatchObject({ id: task.id, status: 'completed', submitted: { requirementUnderstood: true }, processInstance: { id: inst.id, status: 'active', activeActivityIds: ['Task_TriageRequest'] } });
      expect((await openTasks(inst.id)).map((x) => x.activityId)).toEqual(['Task_TriageRequest']);
      expect((await complete(task.id, { requirementUnderstood: true }).expect(409)).body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'alice' }).expect(409);
    });

    it('lets exactly one of two concurrent completions of a task win', async () => {
      // given
      const { body: inst } = await start('SR-RACE').expect(201);
      const [task] = await openTasks(inst.id);
      // when
      const results = await Promise.all([complete(task.id, { requirementUnderstood: true }), complete(task.id, { requirementUnderstood: false })]);
      // then
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const { body } = await t.http.get(`/api/process-instances/${inst.id}`).expect(200);
      expect(body.history.filter((h: { type: string }) => h.type === 'task.completed')).toHaveLength(1);
      expect(body.tasks.map((x: Task) => [x.activityId, x.status])).toEqual([['Task_RecordRequest', 'completed'], ['Task_TriageRequest', 'open']]);
    });

    it('answers 400 for malformed ids and 404 for unknown ones', async () => {
      const bad = await t.http.get('/api/tasks/not-a-uuid').expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', correlationId: expect.any(String) });
      await t.http.post('/api/tasks/not-a-uuid/complete').send({ variables: {} }).expect(400);
      await t.http.get('/api/process-instances/not-a-uuid').expect(400);
      await t.http.get('/api/tasks').query({ processInstanceId: 'nope' }).expect(400);
      const missing = await t.http.get('/api/tasks/00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/was not found/) });
      await t.http.post('/api/tasks/00000000-0000-4000-8000-000000000000/complete').send({ variables: {} }).expect(404);
      await t.http.get('/api/process-instances/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('messages', () => {
    it('correlates by business key and by instance id, and answers 404 when nothing waits', async () => {
      // given: two instances waiting for "ping" right after start
      const a = (await t.http.post('/api/process-instances').send({ definitionKey: 'ping-after-start', businessKey: 'PING-A' }).expect(201)).body;
      const b = (await t.http.post('/api/process-instances').send({ definitionKey: 'ping-after-start', businessKey: 'PING-B' }).expect(201)).body;
      expect(a.activeActivityIds).toEqual(['Catch_Ping']);
      expect((await t.http.get(`/api/process-instances/${a.id}`).expect(200)).body.awaitedMessages).toEqual([{ messageName: 'ping', activityId: 'Catch_Ping' }]);
      // when
      const byKey = await t.http.post('/api/messages').send({ messageName: 'ping', businessKey: 'PING-A', variables: { pingedBy: 'key' } }).expect(200);
      const byId = await t.http.post('/api/messages').send({ messageName: 'ping', processInstanceId: b.id }).expect(200);
      // then
      expect(byKey.body).toEqual({ processInstanceIds: [a.id] });
      expect(byId.body).toEqual({ processInstanceIds: [b.id] });
      const detail = (await t.http.get(`/api/process-instances/${a.id}`).expect(200)).body;
      expect(detail).toMatchObject({ activeActivityIds: ['Task_After'], awaitedMessages: [], variables: { pingedBy: 'key' } });
      expect(detail.history.map((h: { type: string }) => h.type)).toContain('message.correlated');
      expect((await openTasks(b.id)).map((x) => x.activityId)).toEqual(['Task_After']);
      // nothing waits any more, for an unknown key or for an unknown message
      await t.http.post('/api/messages').send({ messageName: 'ping', businessKey: 'PING-A' }).expect(404);
      await t.http.post('/api/messages').send({ messageName: 'ping', businessKey: 'PING-NOBODY' }).expect(404);
      await t.http.post('/api/messages').send({ messageName: 'pong', processInstanceId: b.id }).expect(404);
      await t.http.post('/api/messages').send({ messageName: 'ping' }).expect(400);
    });

    it('walks service-request to the parts wait and resumes it with partsArrived', async () => {
      // given
      const { body: inst } = await start('SR-PARTS', { ...START, inWarranty: true }).expect(201);
      await completeStep(inst.id, 'Task_RecordRequest', { requirementUnderstood: true });
      await completeStep(inst.id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
      await completeStep(inst.id, 'Task_Dispatch', { partsPrepared: true });
      await completeStep(inst.id, 'Task_AgreeAppointment', { appointmentAt: '2026-03-01T09:30:00+08:00' });
      const diagnosed = await completeStep(inst.id, 'Task_Diagnose', { diagnosis: 'worn belt', partsNeeded: true });
      expect(diagnosed.processInstance.activeActivityIds).toEqual(['Event_PartsArrived']);
      expect(await openTasks(inst.id)).toEqual([]);
      // when
      const res = await t.http.post('/api/messages').send({ messageName: 'partsArrived', businessKey: 'SR-PARTS' }).expect(200);
      // then
      expect(res.body.processInstanceIds).toEqual([inst.id]);
      expect((await openTasks(inst.id)).map((x) => x.activityId)).toEqual(['Task_Repair']);
    });
  });

  describe('cancelling', () => {
    it('cancels an instance and its open tasks, once', async () => {
      // given
      const { body: inst } = await start('SR-CANCEL').expect(201);
      const [task] = await openTasks(inst.id);
      // when
      const res = await t.http.delete(`/api/process-instances/${inst.id}`).send({ reason: 'customer withdrew' }).expect(200);
      // then
      expect(res.body).toMatchObject({ id: inst.id, status: 'cancelled', activeActivityIds: [], endedAt: expect.any(String) });
      const detail = (await t.http.get(`/api/process-instances/${inst.id}`).expect(200)).body;
      expect(detail).toMatchObject({ status: 'cancelled', cancelReason: 'customer withdrew' });
      expect(detail.tasks.map((x: Task) => x.status)).toEqual(['cancelled']);
      expect(detail.history.at(-1)).toMatchObject({ type: 'instance.cancelled', detail: { reason: 'customer withdrew' } });
      await t.http.delete(`/api/process-instances/${inst.id}`).send({ reason: 'again' }).expect(409);
      await complete(task.id, { requirementUnderstood: true }).expect(409);
      await t.http.delete(`/api/process-instances/${inst.id}`).send({}).expect(400);
    });
  });

  describe('operations', () => {
    it('reports health with the database up, and Prometheus metrics', async () => {
      const health = await t.http.get('/health').expect(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      const metrics = await t.http.get('/metrics').expect(200);
      expect(metrics.headers['content-type']).toMatch(/text\/plain/);
      expect(metrics.text).toContain('http_request_duration_seconds');
      expect(metrics.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/tasks\/:id\/complete"[^}]*\}/);
    });
  });
});
