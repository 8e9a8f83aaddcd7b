// The incidents list filters by process, kind of failure, activity and age, and names each incident's process and kind.
import { FakeClock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../support/app';
import { bpmn } from '../support/bpmn';

const external = (id: string, activity: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="${activity}" />
    <bpmn:serviceTask id="${activity}" name="Work" camunda:type="external" camunda:topic="${id}-work" />
    <bpmn:sequenceFlow id="F2" sourceRef="${activity}" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
    { id },
  );
const handler = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Escalate" />
  <bpmn:serviceTask id="Escalate" name="Escalate" camunda:type="external" camunda:topic="notifyEscalation">
    <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="level">=level</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:sequenceFlow id="F2" sourceRef="Escalate" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'inc-handler' },
);

describe('incidents list filters', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  let t: TestApp;

  const failExternal = async (key: string) => {
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: key }).expect(201)).body.id;
    const [task] = (await t.http.post('/api/external-tasks/fetch-and-lock').send({ workerId: 'w', maxTasks: 1, topics: [{ topicName: `${key}-work`, lockDuration: 60_000 }] }).expect(200)).body;
    await t.http.post(`/api/external-tasks/${task.id}/failure`).send({ workerId: 'w', retries: 0, errorMessage: 'CRM down' }).expect(204);
    return id as string;
  };
  const list = async (query: Record<string, unknown>) => (await t.http.get('/api/incidents').query(query).expect(200)).body as { total: number; items: { processInstanceId: string; definitionKey: string; type: string; activityId: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    for (const xml of [external('inc-a', 'Task_Quote'), external('inc-b', 'Task_Ship'), handler]) await t.http.post('/api/definitions').send({ xml }).expect(201);
  });
  afterAll(() => t.close());

  it('filters by process, kind, activity and age', async () => {
    // given two old external-task incidents and, two hours later, a failed service handler and one more external task
    const a = await failExternal('inc-a');
    const b = await failExternal('inc-b');
    clock.advance(2 * 60 * 60_000);
    const h = (await t.http.post('/api/process-instances').send({ definitionKey: 'inc-handler', variables: { level: 7 } }).expect(201)).body.id;
    const a2 = await failExternal('inc-a');
    // then
    expect((await list({ definitionKey: 'inc-a' })).items.map((i) => i.processInstanceId)).toEqual([a2, a]);
    expect((await list({ type: 'service-task' })).items).toEqual([expect.objectContaining({ processInstanceId: h, definitionKey: 'inc-handler', type: 'service-task', activityId: 'Escalate' })]);
    expect((await list({ type: 'external-task', activityId: 'Task_Ship' })).items.map((i) => i.processInstanceId)).toEqual([b]);
    const old = await list({ olderThanMinutes: 60 });
    expect(old.total).toBe(2);
    expect(old.items.map((i) => i.processInstanceId).sort()).toEqual([a, b].sort());
    expect((await list({ definitionKey: 'inc-a', limit: 1, offset: 1 })).total).toBe(2);
  });

  it('refuses an unknown kind or a negative age with the allowed values', async () => {
    expect(JSON.stringify((await t.http.get('/api/incidents').query({ type: 'gremlin' }).expect(400)).body.message)).toMatch(/type must be one of the following values: task-completion, timer, message, webhook, external-task, service-task/);
    await t.http.get('/api/incidents').query({ olderThanMinutes: -1 }).expect(400);
  });
});
