// Diagrams from other tools: broken or code-carrying ones are refused with a reason, modeling style only warns,
// vendor attributes without code are ignored, and a Camunda Modeler 5 diagram with ${…} conditions runs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/third-party', name), 'utf8');
type Detail = { elementId: string; message: string };

const collaborationOnly = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_collab" targetNamespace="http://example.com">
  <bpmn:collaboration id="Collab_1"><bpmn:participant id="Pool_Customer" name="Customer" /></bpmn:collaboration>
</bpmn:definitions>`;

const notExecutable = collaborationOnly.replace('</bpmn:collaboration>', '<bpmn:participant id="Pool_Desk" name="Desk" processRef="desk" /></bpmn:collaboration><bpmn:process id="desk" isExecutable="false" /><bpmn:process id="other" />');

describe('diagrams from other tools', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const deploy = (xml: string) => t.http.post('/api/definitions').send({ xml });

  it('answers a diagram without an executable process with a clear 400, not an internal error', async () => {
    const collab = await deploy(collaborationOnly).expect(400);
    expect(collab.body.message).toMatch(/no executable process: set isExecutable="true" on one of the processes \(none in this file/);
    const empty = await deploy('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" />').expect(400);
    expect(empty.body.message).toMatch(/no executable process/);
    expect(empty.body.message).not.toMatch(/Cannot read properties/);
    const plain = await deploy(notExecutable).expect(400);
    expect(plain.body.message).toMatch(/no executable process: set isExecutable="true" on one of desk, other/);
    expect(plain.body.message).not.toMatch(/Cannot read|undefined/);
  });

  it.each([
    ['an empty file', ' ', /send the BPMN XML/],
    ['malformed XML', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"', /not a readable BPMN 2.0 XML file|no executable process/],
    ['XML that is not BPMN', '<?xml version="1.0"?><html><body>hello</body></html>', /not a readable BPMN 2.0 XML file|no executable process/],
    ['a process without any element', bpmn(''), /no start event|start event/i],
    ['binary garbage', 'PK\u0003\u0004\u0014\u0008\u00ff\u00fe', /not a readable BPMN 2.0 XML file|no executable process/],
  ])('refuses %s with a reason', async (_name, xml, message) => {
    const res = await deploy(xml);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.message).not.toMatch(/Cannot read properties|is not a function|undefined/);
  });

  it('treats modeling style as warnings: implicit split and end, fake join, gateway that forks and joins, flows without condition', async () => {
    // given: a task that splits implicitly, a task entered by two flows, a gateway that joins and splits, no end event
    const xml = bpmn(`<bpmn:startEvent id="Start" name="Start" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />
      <bpmn:userTask id="Task_A" name="A" camunda:candidateGroups="agent" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Gw" />
      <bpmn:sequenceFlow id="F3" sourceRef="Task_A" targetRef="Gw" />
      <bpmn:exclusiveGateway id="Gw" name="Which?" />
      <bpmn:sequenceFlow id="F4" sourceRef="Gw" targetRef="Task_B" />
      <bpmn:sequenceFlow id="F5" sourceRef="Gw" targetRef="Task_B" />
      <bpmn:userTask id="Task_B" name="B" camunda:candidateGroups="agent" />`, { id: 'style-only' });
    // when
    const res = await deploy(xml).expect(201);
    // then
    const rules = res.body.warnings.map((w: Detail) => w.message).join('\n');
    expect(rules).toMatch(/no-implicit-split/);
    expect(rules).toMatch(/no-implicit-end|end-event-required/);
    expect(rules).toMatch(/fake-join/);
    expect(rules).toMatch(/no-gateway-join-fork/);
  });

  it('keeps and ignores vendor attributes that carry no code', async () => {
    const xml = bpmn(`<bpmn:startEvent id="Start" name="Start" camunda:formKey="embedded:app:start.html" camunda:initiator="starter" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />
      <bpmn:userTask id="Task_A" name="A" camunda:candidateGroups="agent" camunda:asyncBefore="true" camunda:asyncAfter="true" camunda:exclusive="false" camunda:jobPriority="5" camunda:priority="50" camunda:formKey="app:a.html" signavio:mainColor="#ffffcc" xmlns:signavio="http://www.signavio.com" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
      <bpmn:endEvent id="End" name="End" />`, { id: 'vendor-attrs' }).replace('isExecutable="true"', 'isExecutable="true" camunda:historyTimeToLive="P180D" camunda:versionTag="v7" camunda:isStartableInTasklist="false" camunda:candidateStarterGroups="agent"');
    const res = await deploy(xml).expect(201);
    expect(JSON.stringify(res.body.warnings)).not.toMatch(/unknown attribute/);
  });

  it('assigns a task to the user an ${…} assignee names, and offers it to ${…} candidate users', async () => {
    const xml = bpmn(`<bpmn:startEvent id="Start" name="Start" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Approve" />
      <bpmn:userTask id="Task_Approve" name="Approve" camunda:assignee="\${approver}" camunda:candidateUsers="\${reviewers}" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task_Approve" targetRef="End" />
      <bpmn:endEvent id="End" name="End" />`, { id: 'computed-assignee' });
    const res = await deploy(xml).expect(201);
    expect(res.body.warnings).toEqual(expect.arrayContaining([{ elementId: 'Task_Approve', message: expect.stringContaining('camunda:assignee ${approver} is translated to FEEL: =approver') }]));
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'computed-assignee', variables: { approver: 'zhou.min', reviewers: ['qian.bo'] } }).expect(201);
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.items;
    expect(task).toMatchObject({ assignee: 'zhou.min', candidateUsers: ['qian.bo'], candidateRoles: [] });
    const reviewer = await t.as('qian.bo', ['technician']);
    expect((await reviewer.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.total).toBe(1);
    const other = await t.as('sun.yu', ['technician']);
    expect((await other.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.total).toBe(0);
  });

  it('runs a diagram saved by Camunda Modeler 5: historyTimeToLive, ${approved} conditions, a task without candidate groups', async () => {
    // given
    const res = await deploy(fixture('camunda-modeler-5-approval.bpmn')).expect(201);
    const translations = res.body.warnings.filter((w: Detail) => /translated to FEEL/.test(w.message));
    expect(translations).toEqual(
      expect.arrayContaining([
        { elementId: 'Flow_Yes', message: expect.stringContaining('${approved} is translated to FEEL: =approved = true') },
        { elementId: 'Flow_No', message: expect.stringContaining('${!approved} is translated to FEEL: =not(approved = true)') },
      ]),
    );
    const agent = await t.as('wang.fang', ['agent']);
    for (const approved of [true, false]) {
      // when: the review (no candidate groups: any staff member sees it) is completed with approved
      const started = await t.http.post('/api/process-instances').send({ definitionKey: 'refund-approval', businessKey: `RF-${approved}` }).expect(201);
      const tasks = (await agent.get('/api/tasks').query({ processInstanceId: started.body.id, status: 'open' }).expect(200)).body.items;
      expect(tasks.map((x: { activityId: string }) => x.activityId)).toEqual(['Activity_ReviewRefund']);
      const done = await agent.post(`/api/tasks/${tasks[0].id}/complete`).send({ variables: { approved } }).expect(200);
      // then: the branch taken follows the ${…} condition
      expect(done.body.processInstance.activeActivityIds).toEqual(approved ? ['Activity_ApproveLarge'] : []);
      expect(done.body.processInstance.status).toBe(approved ? 'active' : 'completed');
      if (approved) {
        const [payOut] = (await t.http.get('/api/tasks').query({ processInstanceId: started.body.id, status: 'open' }).expect(200)).body.items;
        expect(payOut.candidateRoles).toEqual(['management']);
        const after = await t.http.post(`/api/tasks/${payOut.id}/complete`).send({ variables: {} }).expect(200);
        expect(after.body.processInstance.status).toBe('completed');
      }
      const instance = await t.http.get(`/api/process-instances/${started.body.id}`).expect(200);
      const ends = instance.body.history.filter((h: { type: string; activityId: string }) => h.type === 'activity.completed' && /^Event_/.test(h.activityId)).map((h: { activityId: string }) => h.activityId);
      expect(ends).toEqual([approved ? 'Event_Refunded' : 'Event_Rejected']);
    }
  });
});

describe('expression languages of other tools', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const gateway = (id: string, condition: string) =>
    bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
      <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
      <bpmn:sequenceFlow id="Flow_Cond" name="cond" sourceRef="Gw" targetRef="End">${condition}</bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`, { id });

  it('runs a condition written in FEEL with the FEEL language URI and no "="', async () => {
    const xml = gateway('feel-language', '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="https://www.omg.org/spec/DMN/20191111/FEEL/">status = "Approved"</bpmn:conditionExpression>');
    await t.http.post('/api/definitions').send({ xml }).expect(201);
    for (const [status, end] of [['Approved', 'End'], ['Rejected', 'End2']]) {
      const started = await t.http.post('/api/process-instances').send({ definitionKey: 'feel-language', variables: { status } }).expect(201);
      const instance = await t.http.get(`/api/process-instances/${started.body.id}`).expect(200);
      expect(instance.body.history.filter((h: { type: string }) => h.type === 'activity.completed').map((h: { activityId: string }) => h.activityId)).toContain(end);
    }
  });

  it('translates a ${…} timer value and arms the timer from the variable', async () => {
    const xml = bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
      <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">\${waitFor}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="End" />`, { id: 'juel-timer' });
    const res = await t.http.post('/api/definitions').send({ xml }).expect(201);
    expect(res.body.warnings).toEqual(expect.arrayContaining([{ elementId: 'Wait', message: expect.stringContaining('${waitFor} is translated to FEEL: =waitFor') }]));
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'juel-timer', variables: { waitFor: 'PT2H' } }).expect(201);
    const instance = await t.http.get(`/api/process-instances/${started.body.id}`).expect(200);
    const [timer] = instance.body.timers;
    expect(new Date(timer.dueAt).getTime() - new Date(instance.body.startedAt ?? instance.body.createdAt).getTime()).toBeGreaterThanOrEqual(2 * 3600_000 - 60_000);
  });

  it('refuses an empty condition with what to do, and another language with its name', async () => {
    const empty = await t.http.post('/api/definitions').send({ xml: gateway('empty-condition', '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" />') }).expect(400);
    expect(empty.body.details).toEqual(expect.arrayContaining([{ elementId: 'Flow_Cond', message: expect.stringMatching(/condition is empty: write one/) }]));
    const xpath = await t.http.post('/api/definitions').send({ xml: gateway('xpath', '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="http://www.w3.org/1999/XPath">/a/b = 1</bpmn:conditionExpression>') }).expect(400);
    expect(xpath.body.details).toEqual(expect.arrayContaining([{ elementId: 'Flow_Cond', message: expect.stringMatching(/expression language "http:\/\/www.w3.org\/1999\/XPath" is not allowed/) }]));
  });
});
