// The analyst's modeler in real Chromium: edit service-request's follow-up timer in the properties panel, see lint
// react on the canvas, deploy with a change summary → version n+1; new instances arm the new timer, older ones keep theirs.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { HOUR, Scenario } from '../support/scenario';

const request = {
  channel: 'wechat',
  customerName: '王芳',
  customerContact: '+86 138 0000 0000',
  deviceModel: 'AC-3000',
  faultDescription: 'No cooling',
  inWarranty: true,
  region: 'Shanghai',
};

describe('modeler', () => {
  const s = new Scenario();
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ clock: s.clock, env: { DEPLOY_ON_BOOT: 'true' } });
    s.t = app; // the scenario helpers drive instances through this app's API
    page = await app.newPage({ locale: 'en', name: 'ana', role: 'analyst' });
  });
  afterAll(() => app.close());

  /** Remote-fix path to the follow-up timer: record → triage (simple) → guidance → confirm → settlement. */
  async function toFollowUpTimer(id: string) {
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P4', simpleFault: true });
    await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: true });
    await s.complete(id, 'Task_ConfirmRemoteFix', { customerConfirmed: true });
    return s.complete(id, 'Task_Settlement', { paymentMethod: 'wechatpay' });
  }

  const problem = (elementId: string, rule: string) => page.locator(`[data-testid="problems"] li[data-element-id="${elementId}"][data-rule="${rule}"]`);
  const timerValue = () => page.locator('#bio-properties-panel-timerEventDefinitionValue');

  it('changes a timer in the properties panel, shows the lint problem while it is invalid, and deploys version n+1', async () => {
    // given an instance that started on the deployed version
    const versionsBefore = (await app.http.get('/api/definitions/service-request').expect(200)).body as { version: number }[];
    const current = versionsBefore[0].version;
    const old = await s.start('service-request', request, 'SR-OLD');
    await page.goto('/modeler/service-request');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    await saveScreenshot(page, 'modeler');
    // when the analyst selects the follow-up timer and types an invalid duration
    await page.locator('g.djs-element[data-element-id="Timer_FollowUp"]').click();
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Wait before follow-up' }).waitFor();
    await page.locator('[data-group-id="group-timer"] .bio-properties-panel-group-header').click();
    await timerValue().waitFor();
    expect(await timerValue().inputValue()).toContain('followUpDelay');
    await timerValue().fill('PT48 hours');
    // then lint marks it on the canvas and in the problems list
    await problem('Timer_FollowUp', 'ops/timer-definition').waitFor();
    expect(await problem('Timer_FollowUp', 'ops/timer-definition').innerText()).toContain('not an ISO 8601 duration');
    await page.locator('.djs-overlays[data-container-id="Timer_FollowUp"] .bjsl-overlay').waitFor();
    await saveScreenshot(page, 'modeler-lint-problem');
    // when it becomes a valid duration the problem goes away
    await timerValue().fill('PT48H');
    await problem('Timer_FollowUp', 'ops/timer-definition').waitFor({ state: 'detached' });
    await page.locator('.djs-overlays[data-container-id="Timer_FollowUp"] .bjsl-overlay').waitFor({ state: 'detached' });
    // when deploying, the summary lists the changed timer
    await page.getByTestId('deploy').click();
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.getByTestId('change-summary').waitFor();
    const changed = dialog.locator('[data-testid="changes-changed"] li[data-element-id="Timer_FollowUp"]');
    expect(await changed.innerText()).toContain('timer');
    expect(await dialog.locator('[data-testid="changes-changed"] li').count()).toBe(1);
    expect(await dialog.getByTestId('deploy-versions').innerText()).toContain(`version ${current + 1}`);
    await saveScreenshot(page, 'modeler-deploy-summary');
    await dialog.getByRole('button', { name: `Deploy version ${current + 1}` }).click();
    // then
    await page.getByTestId('deploy-notice').filter({ hasText: `Deployed service-request version ${current + 1}` }).waitFor();
    const versions = (await app.http.get('/api/definitions/service-request').expect(200)).body as { version: number }[];
    expect(versions[0].version).toBe(current + 1);
    const xml = (await app.http.get(`/api/definitions/service-request/xml?version=${current + 1}`).expect(200)).text;
    expect(xml).toMatch(/<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT48H<\/bpmn:timeDuration>/);
    expect(await page.getByTestId('version-picker').inputValue()).toBe(String(current + 1));

    // and then: a new instance arms the new timer, the older instance keeps the old one
    const fresh = await s.start('service-request', request, 'SR-NEW');
    const [oldWaiting, newWaiting] = [await toFollowUpTimer(old.id), await toFollowUpTimer(fresh.id)];
    expect(oldWaiting.definitionVersion).toBe(current);
    expect(newWaiting.definitionVersion).toBe(current + 1);
    const [oldTimer, newTimer] = [oldWaiting, newWaiting].map((v) => (v.timers as unknown as { activityId: string; expression: string; dueAt: string }[])[0]);
    expect(oldTimer).toMatchObject({ activityId: 'Timer_FollowUp', expression: 'PT24H' }); // version n's FEEL default
    expect(newTimer).toMatchObject({ activityId: 'Timer_FollowUp', expression: 'PT48H' });
    expect(new Date(oldTimer.dueAt).getTime() - s.clock.now().getTime()).toBe(24 * HOUR);
    expect(new Date(newTimer.dueAt).getTime() - s.clock.now().getTime()).toBe(48 * HOUR);
    expect(errorsOf(page)).toEqual([]);
  });

  it('switches the modeler to Chinese, keeping the diagram', async () => {
    // given the diagram open with the timer selected
    await page.goto('/modeler/service-request');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    await page.locator('g.djs-element[data-element-id="Timer_FollowUp"]').click();
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Wait before follow-up' }).waitFor();
    // when
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '流程建模：service-request' }).waitFor();
    // then the palette speaks Chinese and the diagram is the same one
    await page.locator('.djs-palette .entry[aria-label="创建开始事件"]').waitFor();
    await page.locator('.djs-palette .entry[aria-label="创建网关"]').waitFor();
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    await page.locator('g.djs-element[data-element-id="Timer_FollowUp"].selected').waitFor();
    // and the properties panel too, still on the selected timer
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Wait before follow-up' }).waitFor();
    expect(await page.locator('[data-group-id="group-timer"] .bio-properties-panel-group-header-title').innerText()).toBe('定时器');
    expect(await page.getByTestId('problems').locator('h2').innerText()).toContain('问题');
    await saveScreenshot(page, 'modeler-zh-CN');
    expect(errorsOf(page)).toEqual([]);
  });
});
