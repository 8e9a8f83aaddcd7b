// The same screens in 中文 (issue 17 item 4): the tasklist, the task form and its server messages, the SLA policy and
// the diagram show the Chinese texts the shipped process carries (name.zh-CN, label.zh-CN, sla.json names).
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { fillForm } from '../support/scenario';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('process content in 中文', () => {
  let app: BrowserApp;
  let page: Page;
  let instanceId: string;
  const row = () => page.getByTestId('task-row').filter({ hasText: 'SR-ZH-1' });

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    instanceId = (await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-ZH-1', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    page = await app.newPage({ locale: 'zh-CN', name: 'li.na', role: 'agent' });
  });
  afterAll(() => app.close());

  it('lists the task under its Chinese name, with the Chinese SLA policy', async () => {
    // when
    await page.goto('/instances');
    expect(await page.locator('select[name="definitionKey"] option[value="service-request"]').innerText()).toBe('报修服务');
    await page.goto('/tasks');
    // then
    await row().getByText('记录并核实报修').waitFor();
    expect(await row().innerText()).not.toContain('Record & verify request');
    const title = await row().getByTestId('sla-badge').getAttribute('title');
    expect(title).toContain('按优先级的维修解决时限');
  });

  it("shows the form's Chinese labels and the server's message in Chinese beside the field", async () => {
    // given
    await row().click();
    await page.getByRole('heading', { name: '记录并核实报修' }).waitFor();
    await page.getByRole('button', { name: '领取' }).click();
    await page.getByLabel('序列号').waitFor();
    // when the required confirmation is left empty
    await page.getByRole('button', { name: '完成任务' }).click();
    // then
    const fieldError = page.getByTestId('error-requirementUnderstood');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toBe('需求一次记录准确为必填项');
    await saveScreenshot(page, 'task-form-zh-CN');
    // when corrected, the next task comes under its Chinese name
    await page.getByLabel('需求一次记录准确').selectOption('true');
    await page.getByRole('button', { name: '完成任务' }).click();
    await page.getByTestId('flash').getByText('记录并核实报修').waitFor();
    await row().getByText('分类与定级').waitFor({ timeout: 10_000 });
  });

  it('labels the diagram of the instance in Chinese', async () => {
    // when
    await page.goto(`/instances/${instanceId}`);
    await page.locator('[data-testid="diagram"][data-imported="true"]').waitFor();
    // then
    const text = (id: string) => page.locator(`[data-testid="diagram"] .djs-element[data-element-id="${id}"]`).textContent();
    expect((await text('Task_TriageRequest'))?.replace(/\s+/g, '')).toBe('分类与定级');
    expect((await text('Task_Settlement'))?.replace(/\s+/g, '')).toBe('结算费用');
    await page.locator('[data-element-id="Flow_OutOfWarranty_label"]').getByText('已过保修期').waitFor();
    expect(await page.locator('[data-element-id="Task_TriageRequest"]').getAttribute('class')).toContain('sf-active');
    await saveScreenshot(page, 'instance-viewer-service-request-zh-CN');
    // 400: the refused form above; 403: the viewer asks for supervisor-only panels (incidents) as an agent
    expect(errorsOf(page, [/status of 400/, /status of 403/])).toEqual([]);
  });
});

describe("the supervisor's screens in 中文", () => {
  // bpmn-engine compares timer dates with the real clock on resume: a fake clock in the future keeps them waiting.
  const clock = new FakeClock('2040-06-05T01:00:00Z'); // Tuesday 09:00 in Shanghai
  let app: BrowserApp;
  let page: Page;
  let instanceId: string;

  beforeAll(async () => {
    app = await startBrowserApp({ clock, env: { DEPLOY_ON_BOOT: 'true' } });
    // a P1 repair: 4 service-desk hours to resolve, then breached
    const id = (instanceId = (await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-ZH-9', variables: SERVICE_REQUEST_START }).expect(201)).body.id);
    for (const overrides of [{ requirementUnderstood: true }, { faultType: 'hardware', priority: 'P1', simpleFault: false }]) {
      const task = (await app.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items[0];
      await app.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, overrides) }).expect(200);
    }
    clock.set('2040-06-05T06:01:00Z');
    expect(await app.app.get(TimerFiringService).fireDue()).toBeGreaterThanOrEqual(1);
    page = await app.newPage({ locale: 'zh-CN', name: 'zhao.min', role: 'supervisor' });
  });
  afterAll(() => app.close());

  it("names the breached SLA policy on the board in Chinese, not by its id", async () => {
    // when
    await page.goto('/board');
    const alert = page.locator('[data-testid="alert"][data-type="sla.breached"]').filter({ hasText: 'SR-ZH-9' });
    // then
    await alert.getByText('按优先级的维修解决时限（服务台工作时间）').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('alerts').innerText()).not.toContain('repair-resolution');
    await saveScreenshot(page, 'board-alert-zh-CN');
  });

  it('names the processes of the KPI dashboard in Chinese, in its filters, header and comparison', async () => {
    // when
    await page.goto('/kpis');
    await page.getByTestId('kpi-compare-process').getByText('报修服务').waitFor({ timeout: 10_000 });
    // then
    // each select names its processes once the definitions arrive (their own request)
    await page.locator('select[name="process"] option[value="service-request"]', { hasText: '报修服务' }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.locator('select[name="compare-process"] option[value="service-request"]', { hasText: '报修服务' }).waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.locator('select[name="channel"] option[value="wechat"]').innerText()).toBe('微信公众号');
    // when filtered by the process, the header names it
    await page.locator('select[name="process"]').selectOption('service-request');
    await page.getByRole('button', { name: '应用' }).click();
    await page.getByRole('heading', { level: 1, name: /报修服务/ }).waitFor({ timeout: 10_000 });
  });

  it('names the process in the modeler header in Chinese', async () => {
    // when
    await page.goto('/modeler/service-request');
    // then
    await page.getByRole('heading', { name: '流程建模：报修服务' }).waitFor({ timeout: 10_000 });
  });

  it('heads the instance viewer with the process name, and shows the choices of earlier forms by their Chinese labels', async () => {
    // when
    await page.goto(`/instances/${instanceId}`);
    // then
    await page.getByTestId('process-name').getByText('报修服务').waitFor({ timeout: 10_000 });
    // when the worker of the next task opens it
    const task = (await app.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items[0];
    const worker = await app.newPage({ locale: 'zh-CN', name: 'wang.qiang', role: task.candidateRoles[0] ?? 'agent' });
    await worker.goto(`/tasks/${task.id}`);
    // then the fault type and priority read as the triage form offered them
    await worker.getByTestId('ctx-faultType').getByText('硬件').waitFor({ timeout: 10_000 });
    expect(await worker.getByTestId('ctx-priority').innerText()).toBe('P1 – 紧急');
  });
});
