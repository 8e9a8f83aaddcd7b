// Runtime guarantees through the API: pinned versions, no hangs on endless loops, clear errors when a diagram
// fails at run time, and a failing handler rolls the whole command back.
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

describe('runtime behaviour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const deploy = async (xml: string) => (await t.http.post('/api/definitions').send({ xml }).expect(201)).body;
  const start = (definitionKey: string, variables: Record<string, unknown> = {}) => t.http.post('/api/process-instances').send({ definitionKey, variables });
  const openTask = async (instanceId: string) => (await t.http.get(`/api/tasks?processInstanceId=${instanceId}&status=open`).expect(200)).body.items[0];

  it('a running instance stays on its version; new instances use the new one', async () => {
    // given an instance on v1
    await deploy(simpleTaskProcess('pinned'));
    const old = (await start('pinned').expect(201)).body;
    // when v2 renames the task
    const v2 = await deploy(simpleTaskProcess('pinned').replace('name="Do it"', 'name="Do it (v2)"'));
    const fresh = (await start('pinned').expect(201)).body;
    // then
    expect(v2.version).toBe(2);
    expect(old.definitionVersion).toBe(1);
    expect(fresh.definitionVersion).toBe(2);
    expect((await openTask(old.id)).name).toBe('Do it');
    expect((await openTask(fresh.id)).name).toBe('Do it (v2)');
    await t.http.post(`/api/tasks/${(await openTask(old.id)).id}/complete`).send({ variables: { done: true } }).expect(200);
    const finished = (await t.http.get(`/api/process-instances/${old.id}`).expect(200)).body;
    expect(finished).toMatchObject({ status: 'completed', definitionVersion: 1, endActivityId: 'End' });
  });

  it('a process that runs straight to its end completes in the start request', async () => {
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:endEvent id="End" name="End" />`, { id: 'instant' }));
    const res = await start('instant', { x: 1 }).expect(201);
    expect(res.body).toMatchObject({ status: 'completed', activeActivityIds: [] });
  });

  it('stops an endless loop without a wait state with a clear error instead of hanging', async () => {
    // given a loop: gateway → service task → back to the gateway, never waiting
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Join" />
        <bpmn:exclusiveGateway id="Join" name="Join" /><bpmn:sequenceFlow id="F2" sourceRef="Join" targetRef="Archive" />
        <bpmn:serviceTask id="Archive" name="Archive" camunda:type="external" camunda:topic="archiveWorkOrder" />
        <bpmn:sequenceFlow id="F3" sourceRef="Archive" targetRef="Again" />
        <bpmn:exclusiveGateway id="Again" name="Again?" default="F5" />
        <bpmn:sequenceFlow id="F4" name="yes" sourceRef="Again" targetRef="Join"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=true</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F5" sourceRef="Again" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'endless' },
      ),
    );
    // when
    const res = await start('endless').expect(422);
    // then
    expect(res.body.message).toMatch(/endless loop/);
    expect((await t.http.get('/api/process-instances?definitionKey=endless').expect(200)).body.total).toBe(0);
  });

  it('a timer expression that yields no duration answers 422 and leaves nothing behind', async () => {
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
        <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=delay</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'bad-delay' },
      ),
    );
    const res = await start('bad-delay', { delay: 'soon' }).expect(422);
    expect(res.body.message).toMatch(/Wait/);
    const ok = await start('bad-delay', { delay: 'PT5M' }).expect(201);
    const detail = (await t.http.get(`/api/process-instances/${ok.body.id}`).expect(200)).body;
    expect(detail.timers).toEqual([expect.objectContaining({ activityId: 'Wait', expression: 'PT5M' })]);
  });

  it('a failing service handler does not fail the start: the instance waits on an incident', async () => {
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Escalate" />
        <bpmn:serviceTask id="Escalate" name="Escalate" camunda:type="external" camunda:topic="notifyEscalation">
          <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="level">=level</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="F2" sourceRef="Escalate" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'escalate-once' },
      ),
    );
    const res = await t.http.post('/api/process-instances').send({ definitionKey: 'escalate-once', businessKey: 'E-1', variables: { level: 7 } }).expect(201);
    expect(res.body).toMatchObject({ status: 'active', activeActivityIds: ['Escalate'] });
    const incidents = (await t.http.get(`/api/incidents?processInstanceId=${res.body.id}`).expect(200)).body.items;
    expect(incidents).toEqual([expect.objectContaining({ activityId: 'Escalate', status: 'retrying', attempts: 1, error: expect.stringMatching(/level must be 2 or 3/) })]);
  });
});
