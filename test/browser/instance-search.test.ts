// The instances screen searches by business fields and variables in real Chromium; the search stays in the URL.
import { errorsOf, startBrowserApp, type BrowserApp } from '../support/browser';
import { simpleTaskProcess } from '../support/bpmn';

describe('instance search in the browser', () => {
  let app: BrowserApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startBrowserApp();
    await app.http.post('/api/definitions').send({ xml: simpleTaskProcess('repair') }).expect(201);
    const requests = { wang: { customerName: 'Wang Wei', customerContact: '+86 139 3016 7999', region: 'Pudong' }, li: { customerName: 'Li Fang', customerContact: '+86 021 5555 0101', region: 'Pudong' } };
    for (const [name, variables] of Object.entries(requests)) ids[name] = (await app.http.post('/api/process-instances').send({ definitionKey: 'repair', businessKey: `SR-${name}`, variables }).expect(201)).body.id;
  }, 120_000);
  afterAll(() => app.close());

  it('finds a request by the customer phone digits, then by a variable, in zh-CN', async () => {
    const page = await app.newPage({ locale: 'zh-CN', name: 'sup.he', role: 'supervisor' });
    await page.goto('/instances');
    await page.locator(`tr[data-instance-id="${ids.li}"]`).waitFor();
    // when searching by part of the phone number, typed differently
    await page.getByLabel('电话').fill('3016-7999');
    await page.getByLabel('电话').press('Enter');
    // then only that request is listed, and the search is in the URL
    await page.waitForFunction(() => document.querySelectorAll('tr[data-instance-id]').length === 1);
    expect(await page.locator(`tr[data-instance-id="${ids.wang}"]`).count()).toBe(1);
    expect(page.url()).toContain('phone=3016-7999');
    // when the phone is cleared and a variable given
    await page.getByLabel('电话').fill('');
    await page.getByLabel('变量(名称:值)').fill('region:Pudong');
    await page.getByLabel('变量(名称:值)').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-instance-id]').length === 2);
    expect(errorsOf(page)).toEqual([]);
  }, 60_000);
});
