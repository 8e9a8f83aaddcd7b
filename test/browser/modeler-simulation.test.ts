// Simulate… in the modeler, in real Chromium against the real server (issue 18 item 3): on demo history, an analyst edits
// service-request, simulates it against the latest deployed version and sees both side by side (KPIs with intervals,
// three charts), in English and Chinese; nothing is deployed.
import type { Page, Response } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { loadDemo } from '../../src/demo/demo-loader';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const DAY = 86_400_000;
// The demo history ends a little after the real now: the dialog's default period ("the last 30 days" by the browser's
// clock) then covers it, and the server's (virtual) now is not before the period's end.
const TO = new Date(Math.ceil((Date.now() + 15 * 60_000) / 60_000) * 60_000);
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('modeler: Simulate…', () => {
  const clock = new FakeClock(TO);
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({ clock, env: { DEPLOY_ON_BOOT: 'true', SURVEY_POLL_MS: '0', KPI_WATCH_MS: '0', WEBHOOK_POLL_MS: '0', NOTIFY_POLL_MS: '0' } });
    await loadDemo(app.app, clock, { days: 4, perDay: 6, seed: 18, to: TO });
  }, 600_000);
  afterAll(() => app.close());

  async function openModeler(page: Page) {
    await page.goto('/modeler/service-request');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
  }

  /** Runs the dialog's settings; returns the id the server gave the run and what the client sent. Notes whether the
   * progress bar showed. */
  async function run(page: Page, button: string): Promise<{ id: string; sent: Record<string, any> }> {
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      const seen = () => void (document.querySelector('[data-testid="simulation-progress"] progress') && (w.sawProgress = true));
      new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
    });
    const started = page.waitForResponse((r: Response) => r.url().endsWith('/api/simulations') && r.request().method() === 'POST');
    // while it runs, the dialog follows the live stream for analysts (the stream accepts that role)
    const live = page.waitForResponse((r: Response) => r.url().includes('/api/events?') && r.url().includes('types=simulation.progress'));
    await page.getByTestId('simulation-dialog').getByRole('button', { name: button }).click();
    const response = await started;
    expect(response.status()).toBe(202);
    expect((await live).url()).toContain('roles=analyst');
    expect((await live).status()).toBe(200);
    return { id: (await response.json()).id, sent: response.request().postDataJSON() };
  }

  /** A chart canvas that Chart.js has drawn on: some pixel is not transparent. */
  const drawn = (page: Page, testId: string) =>
    page.getByTestId(testId).locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return c.width > 0;
      return false;
    });

  it('simulates the edited diagram against the latest deployed version and shows both side by side, deploying nothing', async () => {
    // given an analyst who changed the follow-up timer of service-request (demo history has two versions)
    const versionsBefore = (await app.http.get('/api/definitions/service-request').expect(200)).body as { version: number }[];
    const latest = versionsBefore[0].version;
    const page = await app.newPage({ locale: 'en', name: 'ana', role: 'analyst' });
    await openModeler(page);
    await page.locator('g.djs-element[data-element-id="Timer_FollowUp"]').click();
    await page.locator('[data-group-id="group-timer"] .bio-properties-panel-group-header').click();
    await page.locator('#bio-properties-panel-timerEventDefinitionValue').fill('PT48H');
    // when the analyst opens Simulate…
    await page.getByRole('button', { name: 'Simulate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Simulate the edited diagram' });
    await dialog.waitFor();
    // then the defaults are the last 30 days of history, a 30-day run, and the staff of the learned model per role
    expect(await dialog.getByLabel('From', { exact: true }).inputValue()).toBe(localDay(new Date(Date.now() - 30 * DAY)));
    expect(await dialog.getByLabel('To', { exact: true }).inputValue()).toBe(localDay(new Date()));
    expect(await dialog.getByLabel('Days to simulate').inputValue()).toBe('30');
    await dialog.getByTestId('simulation-learned').filter({ hasText: /Learned from [1-9]\d* requests/ }).waitFor();
    await dialog.getByLabel('Change in staff: Supervisor').waitFor();
    expect(await dialog.getByTestId('simulation-staff').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-role')))).toEqual(expect.arrayContaining(['agent', 'supervisor', 'technician']));
    await saveScreenshot(page, 'modeler-simulation-settings');
    // when it runs a short simulation with more arrivals and one more supervisor
    await dialog.getByLabel('Days to simulate').fill('3');
    await dialog.getByLabel('Replications').fill('2');
    await dialog.getByLabel('Arrivals (± %)').fill('20');
    await dialog.getByLabel('Change in staff: Supervisor').fill('1');
    const { id, sent } = await run(page, 'Run simulation');
    // then it shows the results when the run is done (progress in between), deployed vs edited
    const results = dialog.getByTestId('simulation-results');
    await results.waitFor({ timeout: 300_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const table = results.getByTestId('simulation-kpis');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['KPI', `Deployed v${latest}`, 'Edited diagram', 'Difference']);
    // The on-time rate is "no data" (—) when no simulated request was answered in the period (the short demo history
    // may have no arrivals at the simulated hours of the week), else a figure with its interval.
    for (const variant of ['base', 'edited']) {
      expect(await table.locator(`tr[data-kpi="responseOnTimeRate"] td[data-variant="${variant}"]`).innerText()).toMatch(/^(—|\d.*\(.*\d.*–.*\d.*\))$/);
    }
    for (const kpi of ['resolution:p50', 'resolution:p90', 'completed']) {
      const row = table.locator(`tr[data-kpi="${kpi}"]`);
      expect(await row.locator('td[data-variant="base"]').innerText()).toMatch(/\d.*\(.*\d.*–.*\d.*\)/); // mean (lo – hi)
      expect(await row.locator('td[data-variant="edited"]').innerText()).toMatch(/\d.*\(.*\d.*–.*\d.*\)/);
    }
    expect(await table.locator('tr[data-kpi^="breaches:"]').count()).toBeGreaterThan(0);
    expect(await table.locator('tr[data-kpi^="utilisation:"]').count()).toBeGreaterThan(0);
    for (const chart of ['simulation-backlog-chart', 'simulation-breaches-chart', 'simulation-utilisation-chart']) {
      // each chart got values for both variants, and Chart.js drew it
      expect(await results.locator(`figure:has([data-testid="${chart}"])`).getAttribute('data-points')).toMatch(/^[1-9]\d*,[1-9]\d*$/);
      expect(await drawn(page, chart)).toBe(true);
    }
    await saveScreenshot(page, 'modeler-simulation');
    // and the dialog sent the edited XML against the latest version, with the adjustments, and the server ran that
    expect(sent.candidateXml).toContain('PT48H');
    expect(sent).toMatchObject({ definitionKey: 'service-request', versions: [latest], days: 3, replications: 2, seed: 1, adjustments: { arrivalsPercent: 20, staff: { supervisor: 1 } } });
    expect(new Date(sent.fromHistory.to).getTime() - new Date(sent.fromHistory.from).getTime()).toBeGreaterThan(29 * DAY);
    const analyst = await app.as('ana', ['analyst']);
    const stored = (await analyst.get(`/api/simulations/${id}`).expect(200)).body;
    expect(stored.status).toBe('done');
    expect(stored.request).toMatchObject({ definitionKey: 'service-request', versions: [latest], days: 3, replications: 2, fromHistory: sent.fromHistory });
    expect(stored.results.variants.map((v: { label: string }) => v.label).sort()).toEqual(['edited', `v${latest}`]);
    // and nothing was deployed
    expect((await app.http.get('/api/definitions/service-request').expect(200)).body).toHaveLength(versionsBefore.length);
    expect(errorsOf(page)).toEqual([]);
  }, 420_000);

  it('speaks Chinese: the button, the settings and the results', async () => {
    // given an analyst in Chinese
    const page = await app.newPage({ locale: 'zh-CN', name: 'ana.zh', role: 'analyst' });
    await openModeler(page);
    // when
    await page.getByRole('button', { name: '模拟…' }).click();
    const dialog = page.getByRole('dialog', { name: '模拟编辑后的流程图' });
    await dialog.waitFor();
    // then the settings are labelled in Chinese
    for (const label of ['开始', '结束', '模拟天数', '重复次数', '随机种子', '到达量（± %）']) await dialog.getByLabel(label, { exact: true }).waitFor();
    await dialog.getByLabel('人员增减：主管').waitFor();
    await dialog.getByText('不会部署任何内容').waitFor();
    // when a one-day run is done
    await dialog.getByLabel('模拟天数').fill('1');
    await dialog.getByLabel('重复次数').fill('1');
    await run(page, '运行模拟');
    const results = dialog.getByTestId('simulation-results');
    await results.waitFor({ timeout: 300_000 });
    // then the comparison and the charts are in Chinese
    expect(await results.locator('thead th').allInnerTexts()).toEqual(['指标', expect.stringMatching(/^已部署 v\d+$/), '编辑后的流程图', '差异']);
    expect(await results.locator('tr[data-kpi="responseOnTimeRate"] th').innerText()).toBe('响应及时率');
    // SLA policies by their Chinese names (processes/sla.json), not their ids
    expect(await results.locator('tr[data-kpi="breaches:repair-resolution"] th').innerText()).toBe('SLA 违约 · 按优先级的维修解决时限（服务台工作时间）');
    expect(await results.locator('figcaption').allInnerTexts()).toEqual(['积压随时间变化', '每周 SLA 违约', '各角色利用率']);
    await saveScreenshot(page, 'modeler-simulation-zh');
    expect(errorsOf(page)).toEqual([]);
  }, 420_000);

  it("shows the server's refusal in the dialog with its message, and keeps the settings to correct", async () => {
    // given
    const page = await app.newPage({ locale: 'en', name: 'ana.err', role: 'analyst' });
    await openModeler(page);
    await page.getByRole('button', { name: 'Simulate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Simulate the edited diagram' });
    // when the analyst picks a period without history, the dialog says so before anything runs
    await dialog.getByLabel('From', { exact: true }).fill('2025-01-01');
    await dialog.getByLabel('To', { exact: true }).fill('2025-01-31');
    await dialog.getByRole('alert').filter({ hasText: 'No requests of this process started in this period' }).waitFor();
    // when the analyst asks for more days than a run may have (the server allows 1–62)
    await dialog.getByLabel('Days to simulate').fill('99');
    const answer = page.waitForResponse((r: Response) => r.url().endsWith('/api/simulations') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Run simulation' }).click();
    // then the server's 400 and its message are in the dialog, and the form is still there
    expect((await answer).status()).toBe(400);
    const alert = dialog.getByTestId('simulation-error');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toMatch(/^The simulation failed: .*days/);
    expect(await dialog.getByLabel('Days to simulate').inputValue()).toBe('99');
    expect(errorsOf(page, [/400/]).length).toBe(0);
  }, 120_000);
});
