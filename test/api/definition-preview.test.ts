// POST /api/definitions/preview on a real PostgreSQL: the version a deploy would make, its problems, and what changed.
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

function timerProcess(duration: string): string {
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
    { id: 'previewed' },
  );
}

describe('definition preview API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/definitions').send({ xml: timerProcess('PT1H') }).expect(201);
  });
  afterAll(() => t.close());

  it('says identical XML would be a no-op', async () => {
    // when
    const res = await t.http.post('/api/definitions/preview').send({ xml: timerProcess('PT1H') }).expect(200);
    // then
    expect(res.body).toMatchObject({ key: 'previewed', currentVersion: 1, nextVersion: 1, identical: true, changes: { added: [], removed: [], changed: [] } });
    expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  });

  it('lists a changed timer as the next version, without deploying it', async () => {
    // when
    const res = await t.http.post('/api/definitions/preview').send({ xml: timerProcess('PT2H') }).expect(200);
    // then
    expect(res.body).toMatchObject({ key: 'previewed', currentVersion: 1, nextVersion: 2, identical: false });
    expect(res.body.changes).toEqual({ added: [], removed: [], changed: [{ id: 'Wait', type: 'bpmn:IntermediateCatchEvent', name: 'Wait', fields: ['timer'] }] });
    const versions = await t.http.get('/api/definitions/previewed').expect(200);
    expect(versions.body).toHaveLength(1);
  });

  it('returns the problems the deploy would refuse, with element, rule and severity', async () => {
    // when
    const res = await t.http.post('/api/definitions/preview').send({ xml: timerProcess('PT2 hours') }).expect(200);
    // then
    expect(res.body.problems).toContainEqual({ elementId: 'Wait', rule: 'ops/timer-definition', message: expect.stringMatching(/not an ISO 8601 duration/), severity: 'error' });
    const deploy = await t.http.post('/api/definitions').send({ xml: timerProcess('PT2 hours') }).expect(400);
    expect(deploy.body.details).toContainEqual({ elementId: 'Wait', message: expect.stringMatching(/not an ISO 8601 duration.*\(ops\/timer-definition\)/) });
  });

  it('previews a new process id as version 1 with every element added', async () => {
    // when
    const res = await t.http.post('/api/definitions/preview').send({ xml: simpleTaskProcess('brand-new') }).expect(200);
    // then
    expect(res.body).toMatchObject({ key: 'brand-new', currentVersion: null, nextVersion: 1, identical: false });
    expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect(res.body.problems).toContainEqual({ elementId: 'Task_Do', rule: 'no-bpmndi', message: 'Element is missing bpmndi', severity: 'warn' });
    expect(res.body.changes.added.map((e: { id: string }) => e.id).sort()).toEqual(['End', 'Flow_1', 'Flow_2', 'Start', 'Task_Do']);
  });

  it('answers 400 with a clear message for a missing or unreadable XML', async () => {
    // when
    const missing = await t.http.post('/api/definitions/preview').send({}).expect(400);
    const garbage = await t.http.post('/api/definitions/preview').send({ xml: 'not xml at all' }).expect(400);
    // then
    expect(JSON.stringify(missing.body.message)).toMatch(/xml/);
    expect(garbage.body.message).toMatch(/not a readable BPMN 2.0 XML file/);
  });
});
