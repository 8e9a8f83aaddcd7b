// Scenario: a business rule task with camunda:type="external" + camunda:topic waits as an external task like a service
// task; one that names a DMN decision (camunda:decisionRef) is refused at deploy with the reason (DMN is not evaluated
// here), and import turns it into an external task named after the decision.
import { bpmn } from '../../support/bpmn';
import { Worker } from '../../support/external-tasks';
import { Scenario } from '../../support/scenario';

const decide = (attrs: string, id = 'risk-check') =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Score" />
    <bpmn:businessRuleTask id="Score" name="Score the risk" ${attrs} />
    <bpmn:sequenceFlow id="F2" sourceRef="Score" targetRef="Review" />
    <bpmn:userTask id="Review" name="Review" camunda:candidateGroups="supervisor" />
    <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
    { id },
  );

describe('business rule task', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());

  it('with camunda:type="external" and a topic it waits for a worker, whose variables it continues with', async () => {
    // given
    await s.t.http.post('/api/definitions').send({ xml: decide('camunda:type="external" camunda:topic="riskScore"') }).expect(201);
    const worker = new Worker(s.t.app.getHttpServer(), await s.t.apiKey(['external-tasks']), 'rules-worker');
    const started = await s.start('risk-check', { amount: 1200 });
    expect(started.activeActivityIds).toEqual(['Score']);
    // when
    const [task] = await worker.fetch('riskScore');
    expect(task).toMatchObject({ processInstanceId: started.id, activityId: 'Score' });
    await worker.post(`/${task.id}/complete`, { workerId: 'rules-worker', variables: { risk: { value: 'high', type: 'String' } } }).expect(204);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual(['Review']);
    expect(view.variables).toMatchObject({ amount: 1200, risk: 'high' });
  });

  it('with camunda:decisionRef (DMN) it is refused at deploy, naming the element and what to do instead', async () => {
    // when
    const res = await s.t.http.post('/api/definitions').send({ xml: decide('camunda:decisionRef="riskRules" camunda:resultVariable="risk"', 'risk-dmn') }).expect(400);
    // then
    expect(res.body.details).toEqual(expect.arrayContaining([{ elementId: 'Score', message: expect.stringMatching(/decisionRef "riskRules".*DMN decisions are not evaluated.*camunda:type="external" camunda:topic/) }]));
  });

  it('with no implementation at all it is refused like a service task without a topic', async () => {
    const res = await s.t.http.post('/api/definitions').send({ xml: decide('', 'risk-bare') }).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([{ elementId: 'Score', message: expect.stringMatching(/business rule task must name .*camunda:type="external" camunda:topic/) }]));
  });

  it('import turns a decisionRef into an external task whose topic is the decision, and says so', async () => {
    // when
    const res = await s.t.http.post('/api/definitions/import').send({ xml: decide('camunda:decisionRef="riskRules" camunda:resultVariable="risk"', 'risk-import') }).expect(201);
    // then
    expect(JSON.stringify(res.body)).toMatch(/camunda:decisionRef=\\"riskRules\\"/);
    const worker = new Worker(s.t.app.getHttpServer(), await s.t.apiKey(['external-tasks']), 'rules-worker-2');
    const started = await s.start('risk-import', {});
    const [task] = await worker.fetch('riskRules');
    expect(task).toMatchObject({ processInstanceId: started.id, activityId: 'Score' });
  });
});
