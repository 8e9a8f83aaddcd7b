// Diagrams are data, not code: hostile or foreign BPMN is refused with a reason, never a 5xx, a hang or a crash.
import { bpmn, simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

describe('deploy safety', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a billion-laughs document before expanding anything', async () => {
    // given
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${laughs}]>${simpleTaskProcess('laughs').replace(/^<\?xml[^>]*>/, '').replace('name="Do it"', 'name="&lol9;"')}`;
    // when
    const started = Date.now();
    const res = await t.http.post('/api/definitions').send({ xml }).expect(400);
    // then
    expect(res.body.message).toMatch(/DOCTYPE/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an oversized document with the limit in the message', async () => {
    // given: 2 MB (MAX_BPMN_BYTES) plus a little, as documentation inside a valid diagram
    const padding = 'x'.repeat(2 * 1024 * 1024 + 10);
    const xml = simpleTaskProcess('huge').replace('<bpmn:startEvent id="Start" name="Start" />', `<bpmn:startEvent id="Start" name="Start"><bpmn:documentation>${padding}</bpmn:documentation></bpmn:startEvent>`);
    // when
    const res = await t.http.post('/api/definitions').send({ xml });
    // then
    expect([400, 413]).toContain(res.status);
    expect(String(res.body.message)).toMatch(/too large|larger than|limit|bytes/i);
  });

  it('refuses a diagram with more elements than MAX_BPMN_ELEMENTS', async () => {
    // given: 1,100 tasks and 1,100 flows in a chain (MAX_BPMN_ELEMENTS defaults to 2,000)
    const tasks = Array.from({ length: 1100 }, (_, i) => `<bpmn:manualTask id="T${i}" name="T${i}" /><bpmn:sequenceFlow id="F${i}" sourceRef="${i === 0 ? 'Start' : `T${i - 1}`}" targetRef="T${i}" />`).join('');
    const xml = bpmn(`<bpmn:startEvent id="Start" name="Start" />${tasks}<bpmn:sequenceFlow id="FEnd" sourceRef="T1099" targetRef="End" /><bpmn:endEvent id="End" name="End" />`, { id: 'too-many' });
    // when
    const res = await t.http.post('/api/definitions').send({ xml }).expect(400);
    // then
    expect(res.body.message).toMatch(/elements/);
  });

  it('refuses deeply nested XML and an over-long expression without falling over', async () => {
    const nested = `${'<a>'.repeat(20000)}${'</a>'.repeat(20000)}`;
    const deep = await t.http.post('/api/definitions').send({ xml: nested });
    expect(deep.status).toBe(400);
    const long = bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
      <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
      <bpmn:sequenceFlow id="Flow_Long" name="long" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${'x + '.repeat(1000)}1 > 0</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`, { id: 'long-expression' });
    const res = await t.http.post('/api/definitions').send({ xml: long }).expect(400);
    expect(res.body.details.find((d: { elementId: string }) => d.elementId === 'Flow_Long')?.message).toMatch(/longer than/);
  });

  it('refuses FEEL whose evaluation would not be bounded by the data (ranges, own functions)', async () => {
    const gateway = (condition: string, id: string) =>
      bpmn(`<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
      <bpmn:exclusiveGateway id="Gw" name="Which?" default="F3" />
      <bpmn:sequenceFlow id="Flow_Loop" name="loop" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F3" sourceRef="Gw" targetRef="End2" /><bpmn:endEvent id="End" name="End" /><bpmn:endEvent id="End2" name="End 2" />`, { id });
    const range = await t.http.post('/api/definitions').send({ xml: gateway('=count(for i in 1..1000000000 return i) > 0', 'range-loop') }).expect(400);
    expect(range.body.details.find((d: { elementId: string }) => d.elementId === 'Flow_Loop')?.message).toMatch(/number range/);
    const recursion = await t.http.post('/api/definitions').send({ xml: gateway('={f: function(n) f(n)}.f(1) = 1', 'recursion') }).expect(400);
    expect(recursion.body.details.find((d: { elementId: string }) => d.elementId === 'Flow_Loop')?.message).toMatch(/defining functions/);
  });
});
