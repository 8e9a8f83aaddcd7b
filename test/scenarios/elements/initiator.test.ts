// Scenario: camunda:initiator="var" on the start event stores who started the instance (the user's name, or the API
// key's name) in that variable; what the caller sends under that name does not override it.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const withInitiator = bpmn(
  `<bpmn:startEvent id="Start" name="Start" camunda:initiator="openedBy" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Handle" />
  <bpmn:userTask id="Handle" name="Handle" camunda:candidateGroups="agent" camunda:assignee="\${openedBy}" />
  <bpmn:sequenceFlow id="F2" sourceRef="Handle" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'opened-by' },
);

describe('camunda:initiator', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    await s.t.http.post('/api/definitions').send({ xml: withInitiator }).expect(201);
  });
  afterAll(() => s.tearDown());

  it("stores the signed-in user's name in the initiator variable, which the task assignee can use", async () => {
    // given
    const agent = await s.t.as('li.na', ['agent']);
    // when
    const res = await agent.post('/api/process-instances').send({ definitionKey: 'opened-by', variables: { openedBy: 'someone else' } }).expect(201);
    // then
    const view = await s.instance(res.body.id);
    expect(view.variables).toEqual({ openedBy: 'li.na' });
    const [task] = (await s.t.http.get('/api/tasks').query({ processInstanceId: res.body.id }).expect(200)).body.items;
    expect(task.assignee).toBe('li.na');
  });

  it("stores the API key's name when a key starts it", async () => {
    // given
    const key = await s.t.apiKey(['start']);
    // when
    const res = await s.t.anon.post('/api/process-instances').set('X-API-Key', key).send({ definitionKey: 'opened-by' }).expect(201);
    // then
    expect((await s.instance(res.body.id)).variables).toEqual({ openedBy: 'test-start' });
  });
});
