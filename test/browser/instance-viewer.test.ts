// The instances list and the instance viewer in real Chromium: the diagram of the instance's own version with its
// active token, visited path and timer, the history and variables, and a live update when a task is completed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const COMPLAINT = { channel: 'phone', customerName: 'Wang Fang', customerContact: '138 0013 8000', complaint: 'The technician came two hours late', urgent: true };

describe('instance viewer', () => {
  let app: BrowserApp;
  let page: Page;
  let first: { id: string; definitionVersion: number };
  // Starts at the real time (the page counts down with the browser's clock) and moves only when a test says so.
  const clock = new FakeClock(new Date());

  const start = async (businessKey: string) => (await app.http.post('/api/process-instances').send({ definitionKey: 'complaint-escalation', businessKey, variables: COMPLAINT }).expect(201)).body;
  const element = (id: string) => page.locator(`[data-testid="diagram"] .djs-element[data-element-id="${id}"]`);
  const hasMarker = async (id: string, marker: string) => ((await element(id).getAttribute('class')) ?? '').split(/\s+/).includes(marker);
  const openViewer = async (id: string) => {
    await page.goto(`/instances/${id}`);
    await page.locator('[data-testid="diagram"][data-imported="true"]').waitFor();
  };
  async function completeOpenTask(instanceId: string, variables: Record<string, unknown>) {
    const tasks = (await app.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items;
    expect(tasks).toHaveLength(1);
    await app.http.post(`/api/tasks/${tasks[0].id}/claim`).send({ assignee: 'agent-7' }).expect(200);
    await app.http.post(`/api/tasks/${tasks[0].id}/complete`).send({ variables }).expect(200);
  }

  beforeAll(async () => {
    app = await startBrowserApp({ clock, env: { DEPLOY_ON_BOOT: 'true' } });
    page = await app.newPage({ locale: 'en', name: 'sup-1', role: 'supervisor' });
    first = await start('CMP-1001');
  });
  afterAll(() => app.close());

  it('lists instances filtered by the definition in the URL and opens one', async () => {
    // when
    await page.goto('/instances?definitionKey=complaint-escalation');
    // then
    const row = page.locator(`[data-testid="instances"] tr[data-instance-id="${first.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Active');
    expect(await page.locator('select[name="definitionKey"]').inputValue()).toBe('complaint-escalation');
    await saveScreenshot(page, 'instances-list');
    // and an instance started meanwhile appears without a reload
    const other = await start('CMP-1000');
    await page.locator(`[data-testid="instances"] tr[data-instance-id="${other.id}"]`).waitFor({ timeout: 5000 });
    expect(await page.getByTestId('page-info').innerText()).toBe('1–2 of 2');
    // and a status filter that excludes it
    await page.locator('select[name="status"]').selectOption('completed');
    await page.getByText('No instances match these filters.').waitFor();
    expect(page.url()).toContain('status=completed');
    // when the row is opened
    await page.goto('/instances?definitionKey=complaint-escalation');
    await row.getByRole('link', { name: 'CMP-1001' }).click();
    // then
    await page.waitForURL(`**/instances/${first.id}`);
    await page.getByRole('heading', { name: 'Instance CMP-1001' }).waitFor();
    expect(errorsOf(page)).toEqual([]);
  });

  it('draws the instance with its active task, path, history and variables, and follows a completed task live', async () => {
    // given
    await openViewer(first.id);
    // then the diagram, the token at the first user task and the path that led there
    expect(await page.locator('[data-testid="diagram"] .djs-element').count()).toBeGreaterThan(20);
    expect(await page.getByTestId('diagram-error').count()).toBe(0);
    await page.locator('.djs-element.sf-active[data-element-id="Task_RegisterComplaint"]').waitFor();
    expect(await hasMarker('Task_NotifyComplaintReceived', 'sf-visited')).toBe(true);
    expect(await hasMarker('Flow_ToRegister', 'sf-taken')).toBe(true);
    expect(await hasMarker('Flow_ToHandleL1', 'sf-taken')).toBe(false);
    expect(await page.locator('[data-testid="history-entry"][data-type="process.started"]').count()).toBe(1);
    expect(await page.locator('[data-testid="variables"] tr[data-variable="customerName"]').innerText()).toContain('Wang Fang');
    expect(await page.getByTestId('timer-overlay-Timer_L1').count()).toBe(0);

    // when the agent completes the registration through the API while the viewer is open
    await completeOpenTask(first.id, { category: 'service', urgent: true });

    // then the token moves without a reload, and the L1 timer shows its due time and countdown
    await page.locator('.djs-element.sf-active[data-element-id="Task_HandleL1"]').waitFor({ timeout: 5000 });
    expect(await hasMarker('Task_RegisterComplaint', 'sf-active')).toBe(false);
    expect(await hasMarker('Task_RegisterComplaint', 'sf-visited')).toBe(true);
    expect(await hasMarker('Flow_ToHandleL1', 'sf-taken')).toBe(true);
    expect(await hasMarker('Flow_L1TimedOut', 'sf-taken')).toBe(false);
    const timer = (await app.http.get(`/api/process-instances/${first.id}`).expect(200)).body.timers.find((t: { activityId: string }) => t.activityId === 'Timer_L1');
    const due = await page.evaluate((at) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)), timer.dueAt);
    const overlay = page.getByTestId('timer-overlay-Timer_L1');
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain(due);
    // the escalation timer counts service-desk hours: 15 working minutes, whatever the wall clock says now
    expect(await overlay.innerText()).toContain('15 min 00 s working time');
    expect(await page.locator('[data-testid="waits"] li[data-timer="Timer_L1"]').innerText()).toContain(due);
    expect(await page.locator('[data-testid="tasks"] tr[data-task-status="completed"]').innerText()).toContain('agent-7');
    expect(await page.locator('[data-testid="variables"] tr[data-variable="category"]').innerText()).toContain('service');

    // when a history entry is clicked, its element is highlighted
    await page.locator('[data-testid="history-entry"][data-type="task.completed"]').click();
    await page.locator('.djs-element.sf-selected[data-element-id="Task_RegisterComplaint"]').waitFor();
    await saveScreenshot(page, 'instance-viewer');
    expect(errorsOf(page)).toEqual([]);
  });

  it('follows an escalation timer down its own flow, live', async () => {
    // given the viewer open on the instance waiting in "Handle complaint – L1 agent"
    await openViewer(first.id);
    await page.locator('.djs-element.sf-active[data-element-id="Task_HandleL1"]').waitFor();
    // when the L1 time limit passes (15 working minutes: later on the wall clock outside service-desk hours) and it fires
    const l1 = (await app.http.get(`/api/process-instances/${first.id}`).expect(200)).body.timers.find((t: { activityId: string }) => t.activityId === 'Timer_L1');
    clock.set(new Date(Date.parse(l1.dueAt) + 60_000));
    expect(await app.app.get(TimerFiringService).fireDue()).toBeGreaterThan(0);
    // then the token is with the supervisor, and the path runs through the timer, not along the "resolved" flow
    await page.locator('.djs-element.sf-active[data-element-id="Task_HandleL2"]').waitFor({ timeout: 5000 });
    for (const flow of ['Flow_L1TimedOut', 'Flow_EscalatedL2', 'Flow_ToHandleL2']) expect(await hasMarker(flow, 'sf-taken')).toBe(true);
    for (const flow of ['Flow_ResolvedL1', 'Flow_NotSatisfied', 'Flow_L2TimedOut']) expect(await hasMarker(flow, 'sf-taken')).toBe(false);
    expect(await hasMarker('Task_HandleL1', 'sf-active')).toBe(false);
    expect(await hasMarker('Timer_L1', 'sf-visited')).toBe(true);
    await page.getByTestId('timer-overlay-Timer_L2').waitFor();
    expect(await page.getByTestId('timer-overlay-Timer_L1').count()).toBe(0);
    await page.locator('[data-testid="history-entry"][data-type="timer.fired"][data-activity-id="Timer_L1"]').waitFor();
    expect(await page.locator('[data-testid="tasks"] tr[data-task-status="cancelled"]').innerText()).toContain('Handle complaint – L1 agent');
    await saveScreenshot(page, 'instance-viewer-escalated');
    // and the screen speaks Chinese on the switch, the diagram too (the elements' name.zh-CN), with the tokens kept
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '历史记录' }).waitFor();
    expect(await page.getByTestId('instance-status').innerText()).toBe('进行中');
    await page.waitForFunction(() => document.querySelector('[data-element-id="Task_HandleL2"]')?.textContent?.replace(/\s+/g, '') === '处理投诉–L2主管');
    await page.locator('[data-element-id="Timer_L1_label"]').getByText('L1 时限').waitFor();
    expect(await hasMarker('Task_HandleL2', 'sf-active')).toBe(true);
    expect(await page.locator('[data-testid="tasks"] tr[data-task-status="cancelled"]').innerText()).toContain('处理投诉 – L1 客服');
    await saveScreenshot(page, 'instance-viewer-zh-CN');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-element-id="Task_HandleL2"]')?.textContent?.replace(/\s+/g, '') === 'Handlecomplaint–L2supervisor');
    expect(errorsOf(page)).toEqual([]);
  });

  it('shows each instance on the diagram of its own version', async () => {
    // given a second version in which the registration task has another name
    const v1 = readFileSync(resolve(__dirname, '../../processes/complaint-escalation.bpmn'), 'utf8');
    const v2 = v1.replace('name="Register &#38; assign handler"', 'name="Register complaint (v2)"');
    expect(v2).not.toBe(v1);
    const deployed = (await app.http.post('/api/definitions').send({ xml: v2 }).expect(201)).body;
    expect(deployed.version).toBe(first.definitionVersion + 1);
    // when
    const second = await start('CMP-1002');
    // then the new instance runs and is drawn on version 2
    expect(second.definitionVersion).toBe(deployed.version);
    const label = async () => (await element('Task_RegisterComplaint').textContent())?.replace(/\s+/g, '');
    await openViewer(second.id);
    expect(await page.getByTestId('definition-version').innerText()).toBe(`version ${deployed.version}`);
    expect(await label()).toBe('Registercomplaint(v2)');
    await page.locator('.djs-element.sf-active[data-element-id="Task_RegisterComplaint"]').waitFor();
    // and the first one still on version 1
    await openViewer(first.id);
    expect(await page.getByTestId('definition-version').innerText()).toBe(`version ${first.definitionVersion}`);
    expect(await label()).toBe('Register&assignhandler');
    expect(errorsOf(page)).toEqual([]);
  });

  it("starts an instance from the list with the server's field errors shown first, then cancels it with a reason", async () => {
    // given
    await page.goto('/instances?definitionKey=complaint-escalation');
    await page.getByRole('button', { name: 'Start an instance' }).click();
    const form = page.getByTestId('start-form');
    await form.locator('#start-channel').waitFor();
    expect(await form.locator('#start-definition').inputValue()).toBe('complaint-escalation');
    // when the start form is sent incomplete
    await form.locator('#start-business-key').fill('CMP-2001');
    await form.locator('#start-customerName').fill('Li Lei');
    await form.getByRole('button', { name: 'Start' }).click();
    // then the server's 400 is shown, per field
    await form.getByTestId('start-error').waitFor();
    expect(await form.getByTestId('start-error').innerText()).toContain('Channel is required');
    expect(await form.locator('#start-channel').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#start-customerName').getAttribute('aria-invalid')).toBeNull();
    // when completed and sent again
    await form.locator('#start-channel').selectOption('web');
    await form.locator('#start-customerContact').fill('lilei@example.cn');
    await form.locator('#start-complaint').fill('Refund not received');
    await form.locator('#start-urgent').selectOption('false');
    await form.locator('#start-extra').fill('{"relatedRequestId": "SR-77"}');
    await form.getByRole('button', { name: 'Start' }).click();
    // then the new instance's viewer opens
    await page.getByRole('heading', { name: 'Instance CMP-2001' }).waitFor();
    await page.locator('.djs-element.sf-active[data-element-id="Task_RegisterComplaint"]').waitFor();
    expect(await page.locator('[data-testid="variables"] tr[data-variable="relatedRequestId"]').innerText()).toContain('SR-77');
    expect(await page.locator('[data-testid="variables"] tr[data-variable="urgent"]').innerText()).toContain('false');

    // when cancelled without a reason, then with one
    await page.getByRole('button', { name: 'Cancel instance…' }).click();
    const cancel = page.getByTestId('cancel-form');
    await cancel.getByRole('button', { name: 'Cancel the instance' }).click();
    await cancel.getByRole('alert').waitFor();
    expect(await cancel.getByRole('alert').innerText()).toMatch(/reason/);
    await cancel.getByLabel('Why is it cancelled?').fill('customer withdrew the complaint');
    await cancel.getByRole('button', { name: 'Cancel the instance' }).click();
    // then
    await page.getByTestId('instance-status').getByText('Cancelled').waitFor();
    await page.locator('[data-testid="history-entry"][data-type="instance.cancelled"]').waitFor();
    expect(await page.locator('.djs-element.sf-active').count()).toBe(0);
    expect(errorsOf(page, [/status of 400/])).toEqual([]);
  });
});
