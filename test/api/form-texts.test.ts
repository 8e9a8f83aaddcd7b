// Process content in both languages: form labels and options (label.zh-CN, option.<id>.zh-CN), element names (name.zh-CN), messages, SLA names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('form texts in zh-CN and en', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DEPLOY_ON_BOOT: 'true' } });
  });
  afterAll(() => t?.close());

  it('gives every field of the shipped service-request task its Chinese label and option names', async () => {
    // given
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    // when
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
    const detail = (await t.http.get(`/api/tasks/${task.id}`).expect(200)).body;
    // then
    const byId = Object.fromEntries(detail.form.map((f: { id: string }) => [f.id, f]));
    expect(byId.customerName).toMatchObject({ label: 'Customer name', labels: { 'zh-CN': '客户姓名' } });
    expect(byId.channel.options).toContainEqual({ id: 'phone', name: 'Phone hotline', names: { 'zh-CN': '电话热线' } });
    expect(detail.form.every((f: { labels?: Record<string, string> }) => f.labels?.['zh-CN'])).toBe(true);
  });
});

describe('process content in zh-CN and en', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DEPLOY_ON_BOOT: 'true' } });
  });
  afterAll(() => t?.close());

  it('ships a zh-CN name on every flow node and every named flow of the three processes', () => {
    for (const file of ['service-request', 'complaint-escalation', 'satisfaction-survey']) {
      const xml = readFileSync(join(__dirname, '../../processes', `${file}.bpmn`), 'utf8');
      const named = [...xml.matchAll(/<bpmn:(\w+) id="([^"]+)" name="[^"]*"/g)].filter(([, tag]) => !['process', 'message', 'signal', 'error', 'escalation'].includes(tag));
      expect(named.length).toBeGreaterThan(10);
      for (const [, tag, id] of named) {
        const body = xml.slice(xml.indexOf(`id="${id}"`), xml.indexOf(`</bpmn:${tag}>`, xml.indexOf(`id="${id}"`)));
        expect([id, /name="name\.zh-CN" value="[^"]+"/.test(body)]).toEqual([id, true]);
      }
    }
  });

  it("answers a task's Chinese name beside its English one, on the tasklist, the task and the instance", async () => {
    // given
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    // when
    const [listed] = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
    const detail = (await t.http.get(`/api/tasks/${listed.id}`).expect(200)).body;
    const instance = (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
    // then
    expect(listed).toMatchObject({ name: 'Record & verify request', names: { 'zh-CN': '记录并核实报修' } });
    expect(detail.names).toEqual({ 'zh-CN': '记录并核实报修' });
    expect(instance.tasks[0].names).toEqual({ 'zh-CN': '记录并核实报修' });
  });

  it('writes validation messages in the language the client asks for (Accept-Language)', async () => {
    // given a start without the channel
    const { channel: _omitted, ...noChannel } = SERVICE_REQUEST_START;
    // when
    const zh = await t.http.post('/api/process-instances').set('Accept-Language', 'zh-CN').send({ definitionKey: 'service-request', variables: noChannel }).expect(400);
    const en = await t.http.post('/api/process-instances').set('Accept-Language', 'en').send({ definitionKey: 'service-request', variables: noChannel }).expect(400);
    // then
    expect(JSON.stringify(zh.body)).toContain('渠道为必填项');
    expect(JSON.stringify(en.body)).toContain('Channel is required');
    // and a task form the same way
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
    const refused = await t.http.post(`/api/tasks/${task.id}/complete`).set('Accept-Language', 'zh-CN,zh;q=0.9').send({ variables: {} }).expect(400);
    expect(refused.body.message).toMatch(/^表单有 1 处问题：需求一次记录准确为必填项/);
  });

  it("names a clock's task in both languages (the board's near-breach list)", async () => {
    // given a complaint whose handler has a first-response clock
    const complaint = { channel: 'phone', customerName: 'Wang Fang', customerContact: '138 0013 8000', complaint: 'Late visit', urgent: true };
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'complaint-escalation', variables: complaint }).expect(201)).body.id;
    const [register] = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
    await t.as('agent.one', ['agent']);
    await t.http.post(`/api/tasks/${register.id}/complete`).send({ variables: { handler: 'agent.one', category: 'service', urgent: true } }).expect(200);
    // when
    const clocks = (await t.http.get('/api/sla/clocks').query({ processInstanceId: id }).expect(200)).body.items as { taskName: string | null; taskNames: Record<string, string> | null }[];
    // then
    expect(clocks.find((c) => c.taskName)).toMatchObject({ taskName: 'Handle complaint – L1 agent', taskNames: { 'zh-CN': '处理投诉 – L1 客服' } });
  });

  it('names the three processes in both languages on the definitions list', async () => {
    const list = (await t.http.get('/api/definitions').expect(200)).body as { key: string; name: string; names?: Record<string, string> }[];
    const zh = Object.fromEntries(list.map((d) => [d.key, d.names?.['zh-CN']]));
    expect(zh).toMatchObject({ 'service-request': '报修服务', 'complaint-escalation': '投诉处理与升级', 'satisfaction-survey': '满意度调查' });
  });

  it('names SLA policies in both languages', async () => {
    const policies = (await t.http.get('/api/sla/policies').expect(200)).body as { id: string; names: Record<string, string> }[];
    expect(policies.find((p) => p.id === 'repair-resolution')?.names['zh-CN']).toBe('按优先级的维修解决时限（服务台工作时间）');
    expect(policies.every((p) => p.names['zh-CN'])).toBe(true);
  });
});
