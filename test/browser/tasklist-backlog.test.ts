// The tasklist on a backlog in real Chromium (issue 17): an agent finds a request by the customer's phone number among
// 1,000 other open tasks, pages, saves the search as a filter with its count, in en and zh-CN; another role's task
// says whose it is.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { SERVICE_REQUEST_START } from '../support/service-request';
import { seedTaskBacklog } from '../support/task-seed';

describe('tasklist on a backlog', () => {
  let app: BrowserApp;
  let page: Page;
  let taskId: string;

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    await seedTaskBacklog(app.databaseUrl, { count: 1000 });
    const variables = { ...SERVICE_REQUEST_START, customerName: 'Gu Yue', customerContact: '+86 137 2468 1357' };
    const res = await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-PHONE-1', variables }).expect(201);
    taskId = (await app.http.get('/api/tasks').query({ processInstanceId: res.body.id }).expect(200)).body.items[0].id;
    page = await app.newPage({ locale: 'en', name: 'zhou.min', role: 'agent' });
  });
  afterAll(() => app.close());

  it('finds the task by the phone number among 1,000 others, claims it, and saves the search as a filter with its count', async () => {
    // given
    await page.goto('/tasks');
    await page.getByTestId('pager').getByText('1–50 of 1001').waitFor();
    expect(await page.getByTestId('task-row').count()).toBe(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('pager').getByText('51–100 of 1001').waitFor();
    // when
    await page.getByLabel('Search tasks').fill('2468 1357');
    // then
    await page.getByTestId('pager').getByText('1–1 of 1').waitFor();
    const row = page.getByTestId('task-row');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Record & verify request[\s\S]*SR-PHONE-1/);
    await row.getByRole('link').click();
    await page.getByTestId('request-context').getByText('Gu Yue').waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Unclaim' }).waitFor();
    // and the search is kept as a filter, counted by the server
    await page.getByRole('button', { name: 'Save as filter' }).click();
    await page.getByLabel('Filter name').fill('Gu Yue phone');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('saved-filter').filter({ hasText: 'Gu Yue phone' }).getByText('1').waitFor();
    await saveScreenshot(page, 'tasklist-backlog-search');
    expect(errorsOf(page)).toEqual([]);
  });

  it('offers search, sort and pages in Chinese', async () => {
    // given
    const zh = await app.newPage({ locale: 'zh-CN', name: 'qian.li', role: 'agent' });
    // when
    await zh.goto('/tasks');
    // then
    await zh.getByTestId('pager').getByText('第 1–50 条，共 1001 条').waitFor();
    await zh.getByLabel('排序').selectOption({ label: '最新优先' });
    await zh.getByTestId('task-row').first().filter({ hasText: 'SR-PHONE-1' }).waitFor();
    await zh.getByLabel('搜索任务').fill('Gu Yue');
    await zh.getByTestId('pager').getByText('第 1–1 条，共 1 条').waitFor();
    expect(errorsOf(zh)).toEqual([]);
  });

  it("says whose task it is when a technician opens an agent's task", async () => {
    // given
    const tech = await app.newPage({ locale: 'en', name: 'tech.sun', role: 'technician' });
    // when
    await tech.goto(`/tasks/${taskId}`);
    // then
    await tech.getByTestId('foreign-task').getByRole('heading', { name: 'This task belongs to the Agent role' }).waitFor();
    expect(await tech.getByText('Something went wrong').count()).toBe(0);
    expect(errorsOf(tech, [/status of 404/])).toEqual([]);
  });
});
