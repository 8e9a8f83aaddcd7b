// The demo-data banner in real Chromium: shown to every signed-in user while demo data is loaded, in both languages;
// an admin removes the demo from it and the banner goes.
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { loadDemo } from '../../src/demo/demo-loader';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const TO = new Date('2026-01-21T06:00:00Z');

describe('demo banner', () => {
  const clock = new FakeClock(TO);
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({ clock, env: { DEPLOY_ON_BOOT: 'true', SURVEY_POLL_MS: '0', KPI_WATCH_MS: '0', WEBHOOK_POLL_MS: '0', NOTIFY_POLL_MS: '0' } });
    await loadDemo(app.app, clock, { days: 1, perDay: 4, seed: 5, to: TO });
  }, 300_000);
  afterAll(() => app.close());

  it('tells an agent the data is simulated, without a remove button', async () => {
    // given an agent, in Chinese
    const page = await app.newPage({ locale: 'zh-CN', name: 'agent.one', role: 'agent' });
    // when
    await page.goto('/tasks');
    // then
    const banner = page.getByTestId('demo-banner');
    await banner.getByText(/演示数据/).waitFor();
    expect(await banner.getByRole('button').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
  });

  it('lets an admin remove the demo data, after which the banner is gone', async () => {
    // given
    const page: Page = await app.newPage({ locale: 'en', name: 'admin.one', role: 'admin' });
    await page.goto('/');
    const banner = page.getByTestId('demo-banner');
    await banner.getByText(/Demo data: \d+ simulated/).waitFor();
    await saveScreenshot(page, 'demo-banner');
    // when
    page.once('dialog', (d) => void d.accept());
    await banner.getByRole('button', { name: 'Remove demo data' }).click();
    // then
    await page.getByRole('heading', { name: 'Process definitions' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="demo-banner"]'), undefined, { timeout: 30_000 });
    expect((await app.http.get('/api/demo').expect(200)).body.loaded).toBe(false);
    expect((await app.http.get('/api/process-instances').expect(200)).body.total).toBe(0);
  });
});
