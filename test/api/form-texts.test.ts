// Form texts in both languages: label.zh-CN and option.<id>.zh-CN properties of a form field reach the task's form.
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
