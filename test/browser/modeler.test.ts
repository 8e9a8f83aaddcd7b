// The analyst's modeler in real Chromium: edit service-request's follow-up timer in the properties panel, see lint
// react on the canvas, deploy with a change summary → version n+1; new instances arm the new timer, older ones keep theirs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

// A diagram (with DI, so the modeler can draw it) that the deploy check refuses: a script task.
const EVIL_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs_evil" targetNamespace="http://example.com/test">
  <bpmn:process id="evil-process" name="Evil" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script_Evil" />
    <bpmn:scriptTask id="Script_Evil" name="Evil" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Script_Evil" targetRef="End" />
    <bpmn:endEvent id="End" name="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="evil-process">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Script_Evil_di" bpmnElement="Script_Evil"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

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

  /** Selects an element on the canvas; a flow at half its length (the centre of an L-shaped flow's box is empty space). */
  async function select(id: string, name: string) {
    const element = page.locator(`g.djs-element[data-element-id="${id}"]`);
    // Deselect first (an empty corner of the canvas): the context pad of the last selection may cover the target.
    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: 30, y: box.height - 30 } });
    const point = await element.locator('.djs-hit').first().evaluate((hit: any) => {
      if (hit.tagName !== 'path' && hit.tagName !== 'polyline') return null;
      const middle = hit.getPointAtLength(hit.getTotalLength() / 2);
      const screen = new (globalThis as any).DOMPoint(middle.x, middle.y).matrixTransform(hit.getScreenCTM());
      return { x: screen.x, y: screen.y };
    });
    if (point) await page.mouse.click(point.x, point.y);
    else await element.click();
    await page.locator('.bio-properties-panel-header-label', { hasText: name }).waitFor();
  }

  async function openGroup(id: string) {
    const group = page.locator(`[data-group-id="group-${id}"]`);
    if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
    return group;
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
    // then the field says why at once, and lint marks it on the canvas and in the problems list
    await page.locator('[data-entry-id="timerEventDefinitionValue"] .bio-properties-panel-error').filter({ hasText: 'not an ISO 8601 duration' }).waitFor();
    await problem('Timer_FollowUp', 'ops/timer-definition').waitFor();
    expect(await problem('Timer_FollowUp', 'ops/timer-definition').innerText()).toContain('not an ISO 8601 duration');
    await page.locator('.djs-overlays[data-container-id="Timer_FollowUp"] .bjsl-overlay').waitFor();
    await saveScreenshot(page, 'modeler-lint-problem');
    // when it becomes a valid duration the problem goes away
    await timerValue().fill('PT48H');
    await problem('Timer_FollowUp', 'ops/timer-definition').waitFor({ state: 'detached' });
    expect(await page.locator('[data-entry-id="timerEventDefinitionValue"] .bio-properties-panel-error').count()).toBe(0);
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
    await page.getByRole('heading', { name: '流程建模：报修服务' }).waitFor();
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
    // and back to English for the next tests
    await page.getByTestId('lang-switch').click();
    await page.locator('.djs-palette .entry[aria-label="Create start event"]').waitFor();
    expect(errorsOf(page)).toEqual([]);
  });

  it('edits our dialect in the properties panel: SLA policy, handler, candidate role, FEEL condition checked as typed', async () => {
    // given a candidate group an admin created besides the built-in roles
    await app.http.post('/api/groups').send({ id: 'management', name: 'Management' }).expect(201);
    await page.goto('/modeler/service-request');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    // then the start event names its SLA policy from GET /api/sla/policies
    await select('StartEvent_RequestReceived', 'Service request received');
    await openGroup('ServiceFlow__Sla');
    expect(await page.locator('#bio-properties-panel-serviceFlowSlaPolicy').inputValue()).toBe('repair-resolution');
    // the service task its handler from GET /api/service-handlers, and no Java/expression implementation to choose
    await select('Task_NotifyRequestReceived', 'Acknowledge request');
    await openGroup('ServiceFlow__Handler');
    const handler = page.locator('#bio-properties-panel-serviceFlowHandler');
    expect(await handler.inputValue()).toBe('notifyCustomer');
    expect(await handler.locator('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^assignTechnician/), expect.stringMatching(/^archiveWorkOrder/)]));
    expect(await page.locator('[data-group-id="group-CamundaPlatform__Implementation"]').count()).toBe(0);
    expect(await page.locator('[data-group-id="group-CamundaPlatform__ExecutionListener"]').count()).toBe(0);
    // the user task its candidate group: the built-in roles, then the groups of GET /api/groups
    await select('Task_RecordRequest', 'Record & verify request');
    await openGroup('CamundaPlatform__UserAssignment');
    const role = page.locator('#bio-properties-panel-serviceFlowCandidateRole');
    expect(await role.inputValue()).toBe('agent');
    expect(await role.locator('option').evaluateAll((os: any[]) => os.map((o) => o.value))).toEqual(['', 'agent', 'technician', 'supervisor', 'manager', 'management']);
    // when a condition is typed, the server's FEEL check answers under the field
    await select('Flow_SimpleYes', 'Yes');
    await openGroup('ServiceFlow__Condition');
    const condition = page.locator('#bio-properties-panel-serviceFlowCondition');
    expect(await condition.inputValue()).toBe('=simpleFault = true');
    const entry = page.locator('[data-entry-id="serviceFlowCondition"]');
    await condition.fill('=simpleFault = ');
    await entry.locator('.bio-properties-panel-error').filter({ hasText: 'FEEL syntax error' }).waitFor();
    await condition.fill('simpleFault');
    await entry.locator('.bio-properties-panel-error').filter({ hasText: 'must be a FEEL expression' }).waitFor();
    await condition.fill('=simpleFault = true');
    await entry.locator('.bio-properties-panel-error').waitFor({ state: 'detached' });
    await problem('Flow_SimpleYes', 'ops/feel-expressions').waitFor({ state: 'detached' });
    await saveScreenshot(page, 'modeler-condition');
    expect(errorsOf(page)).toEqual([]);
  });

  it('offers the business calendars of GET /api/sla/calendars on a timer, and the SLA policies to pause with', async () => {
    await page.goto('/modeler/complaint-escalation');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    // when the L1 escalation timer is selected
    await select('Timer_L1', 'L1 time limit');
    await openGroup('timer');
    // then it counts on the service-desk calendar, chosen from the server's list (or none: the wall clock)
    const calendar = page.locator('#bio-properties-panel-serviceFlowTimerCalendar');
    expect(await calendar.inputValue()).toBe('service-desk');
    expect(await calendar.locator('option').evaluateAll((os: any[]) => os.map((o) => o.value))).toEqual(['', '24x7', 'service-desk']);
    // and choosing a policy to pause with writes camunda:property pauseWith, which the lint accepts
    await page.locator('#bio-properties-panel-serviceFlowTimerPauseWith').selectOption('complaint-first-response');
    expect(await page.locator('#bio-properties-panel-serviceFlowTimerPauseWith').inputValue()).toBe('complaint-first-response');
    expect(await problem('Timer_L1', 'ops/sla-references').count()).toBe(0);
    await saveScreenshot(page, 'modeler-timer-calendar');
    expect(errorsOf(page)).toEqual([]);
  });

  it('creates a new diagram from a kebab-case process id and deploys it as version 1', async () => {
    // given
    await page.goto('/modeler/new');
    const form = page.getByTestId('new-diagram');
    // when an id that is not kebab-case is typed
    await form.getByLabel('Process id').fill('Repair Quote');
    await form.getByRole('button', { name: 'Create diagram' }).click();
    // then
    await form.locator('.field-error').filter({ hasText: 'lower-case words joined by hyphens' }).waitFor();
    // when
    await form.getByLabel('Process id').fill('repair-quote');
    await form.getByLabel('Name').fill('Repair quote');
    await form.getByRole('button', { name: 'Create diagram' }).click();
    await page.locator('[data-testid="import-status"][data-state="done"][data-label="repair-quote"]').waitFor();
    await page.getByTestId('deploy').click();
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.getByText('Deploying makes version 1 of the new process repair-quote.').waitFor();
    await dialog.getByRole('button', { name: 'Deploy version 1' }).click();
    // then
    await page.getByTestId('deploy-notice').filter({ hasText: 'Deployed repair-quote version 1' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/modeler/repair-quote');
    const versions = (await app.http.get('/api/definitions/repair-quote').expect(200)).body;
    expect(versions).toMatchObject([{ key: 'repair-quote', version: 1, name: 'Repair quote' }]);
    expect(errorsOf(page)).toEqual([]);
  });

  it('shows what the deploy check refuses, on the canvas and in the dialog, and does not deploy it', async () => {
    // given a file with a script task, opened from disk
    const xml = EVIL_DIAGRAM;
    await page.goto('/modeler/new');
    await page.getByTestId('open-file').setInputFiles({ name: 'evil.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.locator('[data-testid="import-status"][data-state="done"][data-label="evil.bpmn"]').waitFor();
    // then lint already says so, and only that: flows are linked as the deploy check links them (the file lists no incoming/outgoing)
    await problem('Script_Evil', 'ops/no-script').waitFor();
    expect(await page.locator('[data-testid="problems"] li[data-rule]').evaluateAll((els: any[]) => els.map((e) => e.dataset.rule))).toEqual(['ops/no-script']);
    // when
    await page.getByTestId('deploy').click();
    // then the dialog lists the refusal and offers no deploy
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.getByTestId('deploy-problems').filter({ hasText: 'script tasks are not allowed' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Deploy version 1' }).isDisabled()).toBe(true);
    await page.getByTestId('server-problems').filter({ hasText: 'Script_Evil' }).waitFor();
    await page.locator('g.djs-element[data-element-id="Script_Evil"].sf-server-problem').waitFor();
    await saveScreenshot(page, 'modeler-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await app.http.get('/api/definitions/evil-process').expect(404);
    expect(errorsOf(page)).toEqual([]);
  });

  it('offers to convert a Camunda 7 file on Open file…, lists the conversions, and deploys nothing', async () => {
    // given a Camunda Modeler 5 diagram with Java delegates and listeners
    const xml = readFileSync(resolve(__dirname, '../fixtures/third-party/camunda-7-java-delegates.bpmn'));
    await page.goto('/modeler/new');
    // when
    await page.getByTestId('open-file').setInputFiles({ name: 'orders.bpmn', mimeType: 'application/xml', buffer: xml });
    // then the dialog lists each conversion before anything is opened
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    const rows = dialog.locator('[data-testid="import-conversions"] tbody tr');
    expect(await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-element-id')}:${e.getAttribute('data-action')}`))).toEqual([
      'order-fulfilment:removed',
      'Task_ReserveStock:converted',
      'Task_ChargeCard:converted',
      'Task_PackOrder:removed',
      'Task_Notify:converted',
    ]);
    await dialog.filter({ hasText: 'camunda:topic="reserveStock"' }).waitFor();
    await saveScreenshot(page, 'modeler-import-dialog');
    // when the analyst converts: the converted diagram opens, its service task is an external task, nothing is deployed
    await dialog.getByTestId('import-convert').click();
    await page.locator('[data-testid="import-status"][data-state="done"][data-label="orders.bpmn"]').waitFor();
    expect(await page.getByTestId('problems').locator('li[data-rule="ops/no-script"]').count()).toBe(0);
    await app.http.get('/api/definitions/order-fulfilment').expect(404);
    expect(errorsOf(page)).toEqual([]);
  });
});
