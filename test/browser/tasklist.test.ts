// The tasklist in real Chromium: live list of my role's tasks, claim (and a lost race), the task form with the server's
// field errors beside the fields, then a corrected submission that moves the real service-request process on.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const START = { channel: 'wechat', customerName: 'Zhang Wei', customerContact: '138 0013 8000', deviceModel: 'WM-700 washer', faultDescription: 'Drum does not spin, error E21', inWarranty: true, region: 'Shanghai' };
const EXPECTED_HTTP_ERRORS = [/status of 400/, /status of 409/];

describe('tasklist', () => {
  let app: BrowserApp;
  let page: Page;
  const ids: Record<string, string> = {};

  const start = async (businessKey: string) => {
    const res = await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey, variables: START }).expect(201);
    ids[businessKey] = res.body.id;
  };
  const openTask = async (businessKey: string) => {
    const items = (await app.http.get(`/api/tasks?processInstanceId=${ids[businessKey]}&status=open`).expect(200)).body.items;
    return items[0] as { id: string; activityId: string };
  };
  const row = (businessKey: string) => page.getByTestId('task-row').filter({ hasText: businessKey });

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    await start('SR-1001');
    await start('SR-1002');
    page = await app.newPage({ locale: 'en', name: 'li.na', role: 'agent' });
  });
  afterAll(() => app.close());

  it("lists the agent role's open tasks with request, assignee and SLA, and shows new ones live", async () => {
    // when
    await page.goto('/tasks');
    // then
    await row('SR-1001').waitFor();
    expect(await row('SR-1001').innerText()).toMatch(/Record & verify request[\s\S]*SR-1001[\s\S]*Unassigned/);
    await row('SR-1001').getByTestId('sla-badge').waitFor();
    await page.locator('.live-dot.open').waitFor();
    // when a request is started elsewhere, its task appears without a reload
    await start('SR-1003');
    await row('SR-1003').waitFor({ timeout: 5000 });
  });

  it('explains a lost claim race (409) and shows who has the task', async () => {
    // given the agent looks at an unclaimed task that a colleague takes at the same moment
    await row('SR-1002').click();
    await page.getByRole('button', { name: 'Claim' }).waitFor();
    const task = await openTask('SR-1002');
    await app.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'wang.fang' }).expect(200);
    // when
    await page.getByRole('button', { name: 'Claim' }).click();
    // then
    const error = page.getByTestId('claim-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/already claimed by wang\.fang/);
    await page.getByText(/^Claimed by wang\.fang: only they work on it/).waitFor();
  });

  it('claims a task and completes it through its form: rejected first with field errors, then accepted', async () => {
    // given
    const task = await openTask('SR-1001');
    await row('SR-1001').click();
    await page.waitForURL(`**/tasks/${task.id}`);
    const context = page.getByTestId('request-context');
    await context.getByTestId('ctx-customerName').getByText('Zhang Wei').waitFor();
    expect(await context.getByTestId('ctx-faultDescription').innerText()).toBe(START.faultDescription);
    expect(await context.getByTestId('ctx-channel').innerText()).toBe('WeChat');
    await page.getByRole('button', { name: 'Claim' }).click();
    const serial = page.getByLabel('Serial number');
    await serial.waitFor();
    // the form starts from what the request already holds
    expect(await page.getByLabel('Customer name').inputValue()).toBe('Zhang Wei');
    await row('SR-1001').getByText('li.na').waitFor();
    await saveScreenshot(page, 'tasklist');

    // when the agent types a serial number but leaves the required confirmation empty
    await serial.fill('SN-2026-0042');
    await page.getByRole('button', { name: 'Complete task' }).click();
    // then the server's message is shown next to the field, the field is marked, the typed value stays
    const fieldError = page.getByTestId('error-requirementUnderstood');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toBe('Request recorded correctly first time is required');
    expect(await page.getByLabel('Request recorded correctly first time').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('form-error').innerText()).toMatch(/did not accept the form: 1 problem/);
    expect(await serial.inputValue()).toBe('SN-2026-0042');
    expect(await serial.getAttribute('aria-invalid')).toBeNull();
    expect((await app.http.get(`/api/tasks/${task.id}`).expect(200)).body.status).toBe('open');
    await saveScreenshot(page, 'task-form-errors');

    // when the agent corrects it
    await page.getByLabel('Request recorded correctly first time').selectOption('true');
    await page.getByRole('button', { name: 'Complete task' }).click();
    // then
    await page.getByTestId('flash').getByText('"Record & verify request" completed for SR-1001').waitFor();
    const done = (await app.http.get(`/api/tasks/${task.id}`).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', submitted: expect.objectContaining({ serialNumber: 'SN-2026-0042', requirementUnderstood: true }) });
    const next = await openTask('SR-1001');
    expect(next.activityId).toBe('Task_TriageRequest');
    // and the list shows the process's next task (live), not the completed one
    await page.waitForURL('**/tasks');
    await row('SR-1001').getByText('Triage & grade').waitFor({ timeout: 5000 });
    expect(await row('SR-1001').count()).toBe(1);
    expect(errorsOf(page, EXPECTED_HTTP_ERRORS)).toEqual([]);
  });

  it('shows what is assigned to me, and switches language', async () => {
    // when
    await page.getByRole('tab', { name: 'Assigned to me' }).click();
    // then nothing is claimed by li.na any more (the completed task is gone)
    await page.getByText('You (li.na) have no open task.').waitFor();
    // when
    await page.getByTestId('lang-switch').click();
    // then
    await page.getByRole('heading', { name: '任务' }).waitFor();
    await page.getByRole('tab', { name: '我的任务' }).waitFor();
    await page.getByRole('tab', { name: '客服专员的待办' }).click();
    await row('SR-1003').getByText('未领取').waitFor();
    await saveScreenshot(page, 'tasklist-zh-CN');
    await page.getByTestId('lang-switch').click();
    expect(errorsOf(page, EXPECTED_HTTP_ERRORS)).toEqual([]);
  });
});
