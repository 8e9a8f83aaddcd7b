// The KPI dashboard in Chromium on the seeded data set: cards show the figures the raw rows give, with numerator and
// denominator; the charts draw; the version comparison shows the change; a threshold alert arrives live; CSV export.
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { FakeClock } from '../../src/common/clock';
import { KpiWatcher } from '../../src/kpis/kpi-watcher';
import { expectedKpis, readRaw } from '../kpis/kpi-expectations';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { seedKpiData } from '../support/kpi-seed';

const NOW = new Date('2040-06-01T00:00:00Z');

describe('KPI dashboard', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ clock: new FakeClock(NOW), env: { SURVEY_POLL_MS: '0', KPI_WATCH_MS: '0', WEBHOOK_POLL_MS: '0' } });
    const v1 = (await app.http.get('/api/definitions/service-request/xml').expect(200)).text;
    await app.http.post('/api/definitions').send({ xml: v1.replace('name="Service request', 'name="Service request (redesigned)') }).expect(201);
    const ids = async (key: string) => (await app.http.get(`/api/definitions/${key}`).expect(200)).body as { id: string; version: number }[];
    const [sr, complaint, survey] = [await ids('service-request'), await ids('complaint-escalation'), await ids('satisfaction-survey')];
    const v = (list: { id: string; version: number }[], n: number) => list.find((d) => d.version === n)!.id;
    await seedKpiData(app.app.get(DataSource), { sr1: v(sr, 1), sr2: v(sr, 2), complaint: v(complaint, 1), survey: v(survey, 1) }, NOW);
    page = await app.newPage({ locale: 'en', role: 'supervisor' });
  });
  afterAll(() => app.close());

  /** Non-transparent pixels of a chart's canvas: zero when nothing was drawn. */
  const inked = (testId: string) => page.getByTestId(testId).locator('canvas').evaluate((c: any) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

  it('shows May 2040 as the raw rows give it: figures, numerators and denominators, drawn charts', async () => {
    // given
    await page.goto('/kpis');
    await page.getByRole('heading', { name: 'Service KPIs' }).waitFor();
    // when the analyst picks May 2040 (whole days in the browser's zone)
    await page.getByLabel('From').fill('2040-05-01');
    await page.getByLabel('To').fill('2040-05-31');
    await page.getByRole('button', { name: 'Apply' }).click();
    // then
    const [from, to] = await page.evaluate(() => [new Date('2040-05-01T00:00:00').toISOString(), new Date('2040-06-01T00:00:00').toISOString()]);
    const want = expectedKpis(await readRaw(app.app.get(DataSource)), new Date(from), new Date(to), new Date(Math.min(new Date(to).getTime(), NOW.getTime())));
    const csat = page.getByTestId('kpi-csat');
    await csat.getByText(`${want.csat.value!.toFixed(1)} %`).waitFor();
    await csat.getByText(`${want.csat.numerator} of ${want.csat.denominator}`).waitFor();
    await page.getByTestId('kpi-firstTimeResolutionRate').getByText(`${want.firstTimeResolutionRate.numerator} of ${want.firstTimeResolutionRate.denominator}`).waitFor();
    await page.getByTestId('kpi-backlog').getByText(String(want.backlog.value), { exact: true }).waitFor();
    await page.getByTestId('kpi-medianResolutionHours').getByText(`${want.medianResolutionHours.value!.toFixed(1)} h`).waitFor();
    await csat.getByText('below the 80 % alert line').waitFor();
    await page.getByTestId('kpi-trend-chart').waitFor();
    expect(await inked('kpi-trend-chart')).toBeGreaterThan(500);
    expect(await inked('kpi-aging-chart')).toBeGreaterThan(500);
    // the CSV link exports the same window
    const href = (await page.getByTestId('kpi-csv').getAttribute('href'))!;
    expect(href).toContain('granularity=week');
    const csv = await app.http.get(href).expect(200);
    expect(csv.text.split('\r\n')[0]).toMatch(/^period_start,period_end,responseOnTimeRate,/);
    expect(errorsOf(page)).toEqual([]);
  });

  it('compares version 1 with version 2 of service-request', async () => {
    const table = page.getByTestId('kpi-compare-table');
    await table.waitFor();
    const [from, to] = await page.evaluate(() => [new Date('2040-05-01T00:00:00').toISOString(), new Date('2040-06-01T00:00:00').toISOString()]);
    const raw = await readRaw(app.app.get(DataSource));
    const a = expectedKpis(raw, new Date(from), new Date(to), new Date(to), { process: 'service-request', version: 1 });
    const b = expectedKpis(raw, new Date(from), new Date(to), new Date(to), { process: 'service-request', version: 2 });
    const row = table.locator('tr[data-kpi="csat"]');
    await row.getByText(`${a.csat.value!.toFixed(1)} %`).waitFor();
    await row.getByText(`${b.csat.value!.toFixed(1)} %`).waitFor();
    const delta = Math.round((b.csat.value! - a.csat.value!) * 100) / 100;
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    await row.getByText(`${sign}${Math.abs(delta).toFixed(1)} pts`).waitFor();
    expect(await inked('kpi-compare-chart')).toBeGreaterThan(500);
    await page.getByTestId('kpi-compare').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'kpi-dashboard');
  });

  it('a threshold alert reaches the open dashboard live; the page speaks Chinese too', async () => {
    // given the live stream is connected
    await page.getByTestId('kpi-alerts').locator('.live-dot.open').waitFor();
    // when the watcher finds CSAT below 80 % and the backlog above 10
    await app.app.get(KpiWatcher).check();
    // then
    await page.getByTestId('kpi-alerts').getByText(/CSAT fell to [\d.]+ % \(alert below 80 %\)/).waitFor();
    await page.getByTestId('kpi-alerts').getByText(/Backlog reached \d+ open requests \(alert above 10\)/).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '服务指标' }).waitFor();
    await page.getByTestId('kpi-alerts').getByText(/满意度降至/).waitFor();
    await saveScreenshot(page, 'kpi-dashboard-zh-CN');
    expect(errorsOf(page)).toEqual([]);
  });
});
