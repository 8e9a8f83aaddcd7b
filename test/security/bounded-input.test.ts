// Bounded work per request (issue 14, rows 1, 9 and 10): variables are limited per command before the engine sees
// them, every oversized or unstorable input is a 4xx naming what is wrong, and variables are stored once.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { withClient } from '../support/database';
import { SERVICE_REQUEST_START } from '../support/service-request';

/** start → message catch "ping" → user task with a free text field → end. */
const process = bpmn(
  `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Catch_Ping" />
  <bpmn:intermediateCatchEvent id="Catch_Ping" name="Ping received"><bpmn:messageEventDefinition messageRef="Msg_Ping" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Catch_Ping" targetRef="Task_Note" />
  <bpmn:userTask id="Task_Note" name="Write a note" camunda:candidateGroups="agent">
    <bpmn:extensionElements><camunda:formData><camunda:formField id="note" label="Note" type="string" /></camunda:formData></bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:sequenceFlow id="F3" sourceRef="Task_Note" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
  { id: 'bounded', messages: '<bpmn:message id="Msg_Ping" name="ping" />' },
);

const manyKeys = (n: number, value: unknown = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));
const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { inner: nested(levels - 1) });

describe('bounded input', () => {
  let t: TestApp;
  let seq = 0;
  const start = (variables: Record<string, unknown>, businessKey = `B-${++seq}`) => t.http.post('/api/process-instances').send({ definitionKey: 'bounded', businessKey, variables });
  const ping = (businessKey: string, variables: Record<string, unknown>) => t.http.post('/api/messages').send({ messageName: 'ping', businessKey, variables });

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/definitions').send({ xml: process }).expect(201);
  });
  afterAll(() => t.close());

  describe('row 1: variables per command are limited before the engine sees them', () => {
    it('refuses 200,000, 50,000 and 5,000 variable names with 413, saying which limit', async () => {
      for (const n of [200_000, 50_000]) {
        const huge = await start(manyKeys(n)).expect(413);
        expect(huge.body.message).toMatch(/^the request body \(\d+ bytes\) exceeds the limit of 327680 bytes/);
      }
      const many = await start(manyKeys(5000)).expect(413);
      expect(many.body.message).toBe('the command has 5000 variables; at most 1000 are accepted per command (VARIABLES_MAX_COUNT)');
      await start(manyKeys(1001)).expect(413);
    });

    it('refuses variables larger than VARIABLES_MAX_BYTES and deeper than VARIABLES_MAX_DEPTH', async () => {
      const big = await start({ blob: 'x'.repeat(256 * 1024) }).expect(413);
      expect(big.body.message).toMatch(/^the variables take 262\d{3} bytes as JSON; at most 262144 bytes are accepted per command \(VARIABLES_MAX_BYTES\)$/);
      const deep = await start({ tree: nested(17) }).expect(400);
      expect(deep.body.message).toBe('a variable is nested more than 16 levels deep (VARIABLES_MAX_DEPTH)');
      await start({ tree: nested(16) }).expect(201);
    });

    it('applies the same limits to message correlation and task completion, and nothing changes', async () => {
      const { id } = (await start({ a: 1 }, 'B-LIMITS')).body;
      await ping('B-LIMITS', manyKeys(1001)).expect(413);
      await ping('B-LIMITS', { deep: nested(20) }).expect(400);
      await ping('B-LIMITS', { ok: true }).expect(200);
      const task = (await t.http.get('/api/tasks').query({ processInstanceId: id }).expect(200)).body.items[0];
      const refused = await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { note: 'x'.repeat(270_000) } }).expect(413);
      expect(refused.body.message).toMatch(/VARIABLES_MAX_BYTES/);
      const detail = (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
      expect(detail).toMatchObject({ status: 'active', activeActivityIds: ['Task_Note'], variables: { a: 1, ok: true } });
    });

    it('accepts a maximal request: 1,000 variables of about 256 KB in all', async () => {
      const res = await start(manyKeys(1000, 'v'.repeat(250))).expect(201);
      expect(res.body.activeActivityIds).toEqual(['Catch_Ping']);
    });
  });

  describe('row 9: a 4xx for every bad input, never a 500', () => {
    it('answers a 10 MB JSON body with 413 naming the limit', async () => {
      const res = await t.http.post('/api/process-instances').set('Content-Type', 'application/json').send(JSON.stringify({ definitionKey: 'bounded', businessKey: 'x'.repeat(10 * 1024 * 1024) })).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/exceeds the limit of \d+ bytes/) });
    });

    it('answers urlencoded bodies of 200 KB (400) and of 2 MB (413) without a 500', async () => {
      const mid = await t.http.post('/api/process-instances').type('form').send(`definitionKey=bounded&businessKey=${'b'.repeat(200 * 1024)}`);
      expect(mid.status).toBe(400);
      const big = await t.http.post('/api/process-instances').type('form').send(`a=${'b'.repeat(2 * 1024 * 1024)}`).expect(413);
      expect(big.body.message).toMatch(/exceeds the limit/);
    });

    it('answers an 11 MB multipart BPMN upload with 413', async () => {
      const res = await t.http.post('/api/definitions').attach('file', Buffer.alloc(11 * 1024 * 1024, 'a'), 'big.bpmn').expect(413);
      expect(res.body.statusCode).toBe(413);
    });

    it('refuses a lone surrogate in a business key, a variable name and a variable value with 400', async () => {
      const body = (fields: string) => `{"definitionKey":"service-request",${fields}}`;
      const vars = JSON.stringify(SERVICE_REQUEST_START).slice(1, -1);
      for (const fields of [`"businessKey":"SR-\\ud800","variables":{${vars}}`, `"variables":{${vars},"\\udc00x":1}`, `"variables":{${vars},"note":"a\\ud800b"}`]) {
        const res = await t.http.post('/api/process-instances').set('Content-Type', 'application/json').send(body(fields)).expect(400);
        expect(res.body.message).toMatch(/lone UTF-16 surrogate/);
      }
    });

    it('answers out-of-range numbers in numeric query parameters with 400 naming the range', async () => {
      const res = await t.http.get('/api/definitions/service-request/xml').query({ version: '1e20' }).expect(400);
      // the XML route answers errors as JSON text under its XML content type
      expect(JSON.parse(res.text).message).toEqual(['version must be a whole number from 1 to 2147483647']);
      await t.http.get('/api/definitions/service-request/xml').query({ version: '99999999999' }).expect(400);
      await t.http.get('/api/process-instances').query({ limit: '1e3' }).expect(400);
      await t.http.get('/api/process-instances').query({ offset: '-1' }).expect(400);
      await t.http.get('/api/kpis/compare').query({ versionA: '1', versionB: '3000000000' }).expect(400);
      await t.http.get('/api/definitions/service-request/xml').query({ version: '1' }).expect(200);
    });
  });

  describe('row 10: variables are stored once', () => {
    it('keeps a large variable out of the engine state, and the instance still resumes with it exactly', async () => {
      // given an instance started with a 200 KB variable
      const marker = `MARK-${'z'.repeat(200 * 1024)}`;
      const { id } = (await start({ blob: marker, n: 1 }, 'B-ONCE').expect(201)).body;
      // then the variable is in the variables column and nowhere in the state
      const sizes = await withClient(t.databaseUrl, async (c) => (await c.query(`SELECT length(state::text) AS state, length(variables::text) AS variables, position('MARK-' in state::text) AS in_state FROM process_instances WHERE id = $1`, [id])).rows[0]);
      expect(sizes.in_state).toBe(0);
      expect(sizes.state).toBeLessThan(100 * 1024);
      expect(sizes.variables).toBeGreaterThan(200 * 1024);
      // when two more commands recover the instance from the row
      await ping('B-ONCE', { n: 2, extra: { list: [1, 2] } }).expect(200);
      const task = (await t.http.get('/api/tasks').query({ processInstanceId: id }).expect(200)).body.items[0];
      await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { note: 'done' } }).expect(200);
      // then every variable is as it was set
      const detail = (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
      expect(detail.status).toBe('completed');
      expect(detail.variables).toEqual({ blob: marker, n: 2, extra: { list: [1, 2] }, note: 'done' });
    });
  });
});
