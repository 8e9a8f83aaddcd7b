// Deploy API on a real PostgreSQL: versions, idempotent redeploy, and refusal of unsafe or broken diagrams.
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

describe('definitions API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('deploys the processes of processes/ on boot', async () => {
    const res = await t.http.get('/api/definitions').expect(200);
    const keys = res.body.map((d: { key: string }) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['service-request', 'complaint-escalation']));
  });

  it('versions a changed definition and ignores identical XML', async () => {
    // given
    const v1 = simpleTaskProcess('versioned');
    const first = await t.http.post('/api/definitions').send({ xml: v1 }).expect(201);
    // when
    const again = await t.http.post('/api/definitions').send({ xml: v1 }).expect(201);
    const v2 = await t.http.post('/api/definitions').send({ xml: v1.replace('name="Do it"', 'name="Do it now"') }).expect(201);
    // then
    expect(first.body).toMatchObject({ key: 'versioned', version: 1, created: true });
    expect(again.body).toMatchObject({ id: first.body.id, version: 1, created: false });
    expect(v2.body).toMatchObject({ key: 'versioned', version: 2, created: true });
    const versions = await t.http.get('/api/definitions/versioned').expect(200);
    expect(versions.body.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const xml = await t.http.get('/api/definitions/versioned/xml?version=1').expect(200);
    expect(xml.text).toContain('name="Do it"');
  });

  it('accepts a multipart upload', async () => {
    const res = await t.http.post('/api/definitions').attach('file', Buffer.from(simpleTaskProcess('uploaded')), 'uploaded.bpmn').expect(201);
    expect(res.body).toMatchObject({ key: 'uploaded', version: 1 });
  });

  const refused: [string, string, string, RegExp][] = [
    [
      'a script task',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script_Evil" />
        <bpmn:scriptTask id="Script_Evil" name="Evil" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>
        <bpmn:sequenceFlow id="F2" sourceRef="Script_Evil" targetRef="End" /><bpmn:endEvent id="End" name="End" />`),
      'Script_Evil',
      /script tasks are not allowed/,
    ],
    [
      'a JavaScript condition',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
        <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
        <bpmn:sequenceFlow id="Flow_Js" name="js" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, this.environment.variables.x)</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`),
      'Flow_Js',
      /language "javascript" is not allowed/,
    ],
    [
      'an expression reaching constructor',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
        <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
        <bpmn:sequenceFlow id="Flow_Ctor" name="ctor" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=x.constructor.constructor("return process")() != null</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`),
      'Flow_Ctor',
      /may not use "constructor"/,
    ],
    [
      'an expression reaching process',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
        <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=process.env.SECRET</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="End" />`),
      'Wait',
      /may not use "process"/,
    ],
    [
      'JUEL that calls code',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
        <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
        <bpmn:sequenceFlow id="Flow_Juel" name="juel" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.get('ok')}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`),
      'Flow_Juel',
      /is not supported: method call environment.variables.get\(\) is not allowed/,
    ],
    [
      'a service task without a topic (a topic without an in-process handler is an external task: test/api/external-tasks.test.ts)',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Svc" />
        <bpmn:serviceTask id="Svc" name="Call" camunda:type="external" />
        <bpmn:sequenceFlow id="F2" sourceRef="Svc" targetRef="End" /><bpmn:endEvent id="End" name="End" />`),
      'Svc',
      /must name a handler or an external task topic/,
    ],
    [
      'a literal condition (always truthy)',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
        <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
        <bpmn:sequenceFlow id="Flow_Literal" name="lit" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">false</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`),
      'Flow_Literal',
      /condition must be a FEEL expression/,
    ],
    [
      'an unknown SLA policy',
      simpleTaskProcess('bad-sla').replace('<bpmn:extensionElements><camunda:formData>', '<bpmn:extensionElements><camunda:properties><camunda:property name="sla" value="gold-plated" /></camunda:properties><camunda:formData>'),
      'Task_Do',
      /unknown SLA policy "gold-plated"/,
    ],
    [
      'an empty timer',
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
        <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression"></bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="End" />`),
      'Wait',
      /timer/,
    ],
  ];

  it.each(refused)('refuses %s with the element id', async (_name, xml, elementId, message) => {
    const res = await t.http.post('/api/definitions').send({ xml }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const detail = res.body.details.find((d: { elementId?: string }) => d.elementId === elementId);
    expect(detail?.message).toMatch(message);
  });

  it('refuses XML that is not BPMN, DOCTYPEs, and a diagram without an executable process', async () => {
    await t.http.post('/api/definitions').send({ xml: 'hello' }).expect(400);
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${simpleTaskProcess('xxe').replace(/^<\?xml[^>]*>/, '')}`;
    expect((await t.http.post('/api/definitions').send({ xml: xxe }).expect(400)).body.message).toMatch(/DOCTYPE/);
    const res = await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('not-exec').replace('isExecutable="true"', 'isExecutable="false"') }).expect(400);
    expect(res.body.message).toMatch(/no executable process/);
  });

  it('answers 404 for unknown keys and versions, 400 for a missing body', async () => {
    await t.http.get('/api/definitions/nope').expect(404);
    await t.http.get('/api/definitions/service-request/xml?version=999').expect(404);
    await t.http.get('/api/definitions/service-request/xml?version=abc').expect(400);
    await t.http.post('/api/definitions').send({}).expect(400);
    await t.http.post('/api/definitions').send({ xml: 'x', extra: 1 }).expect(400);
  });
});
