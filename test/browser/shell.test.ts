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

  it.each([['en', 1280], ['zh-CN', 1280], ['en', 1100]])('keeps every top-bar entry on one line and in view at %s, %i px wide (an administrator sees them all)', async (lang, width) => {
    // given an administrator's page at a common laptop width
    const narrow = await app.newPage({ locale: lang as 'en' | 'zh-CN', name: 'administrator', role: 'admin', viewport: { width, height: 800 } });
    await narrow.goto('/');
    await narrow.getByTestId('definitions').waitFor();
    // when the bar is measured
    const bar = await narrow.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      };
      const links = Array.from(document.querySelectorAll('.topbar nav a')).map((a) => ({ text: (a as HTMLElement).innerText, lines: lines(a), right: box(a).right }));
      const right = document.querySelector('.topbar-right');
      return { links, viewport: window.innerWidth, rightEdge: right ? box(right).right : 0, barHeight: box(document.querySelector('.topbar')!).height };
    });
    // then no entry's text wraps onto a second line, and the last link and the right-hand group end inside the window
    await saveScreenshot(narrow, `topbar-${lang}-${width}`);
    expect(bar.links.length).toBeGreaterThanOrEqual(9);
    expect(bar.links.filter((l) => l.lines !== 1)).toEqual([]);
    expect(bar.links[bar.links.length - 1].right).toBeLessThanOrEqual(bar.viewport);
    expect(bar.rightEdge).toBeLessThanOrEqual(bar.viewport);
    expect(bar.barHeight).toBe(48);
    await narrow.close();
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
