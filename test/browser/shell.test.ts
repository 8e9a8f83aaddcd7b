// The client shell in real Chromium: served at / and at its own deep links, navigation, and the language switch.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

describe('web client shell', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    page = await app.newPage({ locale: 'en' });
  });
  afterAll(() => app.close());

  it('lists the deployed process definitions on the home screen', async () => {
    // when
    await page.goto('/');
    // then
    const table = page.getByTestId('definitions');
    await table.getByText('service-request', { exact: true }).waitFor();
    await table.getByText('complaint-escalation', { exact: true }).waitFor();
    await saveScreenshot(page, 'home');
    expect(errorsOf(page)).toEqual([]);
  });

  it('switches the UI language and remembers the choice across reloads', async () => {
    // given
    await page.goto('/');
    await page.getByRole('heading', { name: 'Process definitions' }).waitFor();
    // when
    await page.getByTestId('lang-switch').click();
    // then
    await page.getByRole('heading', { name: '流程定义' }).waitFor();
    expect(await page.getByRole('navigation').innerText()).toContain('任务');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await saveScreenshot(page, 'home-zh-CN');
    await page.reload();
    await page.getByRole('heading', { name: '流程定义' }).waitFor();
    // and back
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Process definitions' }).waitFor();
  });

  it('serves the client at its deep links but keeps unknown API paths as JSON 404s', async () => {
    // when
    await page.goto('/no/such/screen');
    // then
    await page.getByText('This page does not exist.').waitFor();
    const api = await app.http.get('/api/nope').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });
});
