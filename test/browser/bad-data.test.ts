// Bad data in real Chromium: a duration picked from a control and refused beside its field at the start form, a
// decimal amount refused then accepted (with a read-only value from an earlier step), and a failure forced through
// the API shown as an incident on the board and retried from the instance viewer after correcting the variable.
import type { Page } from 'playwright-core';
import { feesProcessXml } from '../support/fees-process';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const feesProcess = feesProcessXml({ readonlyDiagnosis: true });
const EXPECTED = [/status of 400/, /status of 422/];

describe('bad data in the browser', () => {
  let app: BrowserApp;
  let supervisor: Page;

  const startFees = async (businessKey: string, delay: string) => {
    const res = await app.http.post('/api/process-instances').send({ definitionKey: 'fees-then-wait', businessKey, variables: { delay, diagnosis: 'Drum bearing worn' } }).expect(201);
    const task = (await app.http.get('/api/tasks').query({ processInstanceId: res.body.id, status: 'open' }).expect(200)).body.items[0];
    return { id: res.body.id as string, taskId: task.id as string };
  };
  const activeOf = async (id: string) => (await app.http.get(`/api/process-instances/${id}`).expect(200)).body.activeActivityIds;

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    await app.http.post('/api/definitions').send({ xml: feesProcess }).expect(201);
    supervisor = await app.newPage({ locale: 'en', name: 'zhou.min', role: 'supervisor' });
  });
  afterAll(() => app.close());

  it('refuses an impossible follow-up delay beside the field at the start form, then accepts 2 minutes', async () => {
    // given
    await supervisor.goto('/instances?definitionKey=service-request');
    await supervisor.getByRole('button', { name: 'Start an instance' }).click();
    const form = supervisor.getByTestId('start-form');
    await form.locator('#start-channel').waitFor();
    await form.locator('#start-business-key').fill('SR-DELAY-1');
    await form.locator('#start-channel').selectOption('phone');
    for (const [id, value] of Object.entries({ customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'WM-200', faultDescription: 'drum does not spin', region: 'Pudong' })) await form.locator(`#start-${id}`).fill(value);
    await form.locator('#start-inWarranty').selectOption('true');
    // when the delay picked is negative
    await form.getByTestId('duration-followUpDelay').locator('input').fill('-5');
    await form.getByRole('button', { name: 'Start' }).click();
    // then the server refuses it beside the field
    await form.locator('.field-error').getByText(/Follow-up delay \(default PT24H\): must be an ISO 8601 duration/).waitFor();
    expect(await form.locator('#start-followUpDelay').getAttribute('aria-invalid')).toBe('true');
    // when 2 minutes are picked
    await form.locator('#start-followUpDelay').fill('2');
    await form.getByTestId('duration-followUpDelay').getByLabel('Unit').selectOption('M');
    await form.getByRole('button', { name: 'Start' }).click();
    // then
    await supervisor.getByRole('heading', { name: 'Instance SR-DELAY-1' }).waitFor();
    expect(await supervisor.locator('[data-testid="variables"] tr[data-variable="followUpDelay"]').innerText()).toContain('PT2M');
    expect(errorsOf(supervisor, EXPECTED)).toEqual([]);
  });

  it('shows the diagnosis read-only, refuses "350,50" beside the amount and accepts 350.50', async () => {
    // given
    const { id, taskId } = await startFees('FEE-1', 'PT1H');
    const agent = await app.newPage({ locale: 'en', name: 'li.na', role: 'agent' });
    await agent.goto(`/tasks/${taskId}`);
    await agent.getByRole('button', { name: 'Claim' }).click();
    const diagnosis = agent.getByLabel(/^Diagnosis/);
    await diagnosis.waitFor();
    expect(await diagnosis.inputValue()).toBe('Drum bearing worn');
    expect(await diagnosis.getAttribute('readonly')).not.toBeNull();
    // when
    await agent.getByLabel(/^Amount/).fill('350,50');
    await agent.getByRole('button', { name: 'Complete task' }).click();
    // then
    await agent.getByTestId('error-amount').getByText('Amount: must be a number, e.g. 350.50').waitFor();
    // when
    await agent.getByLabel(/^Amount/).fill('350.50');
    await agent.getByRole('button', { name: 'Complete task' }).click();
    // then
    await agent.getByTestId('flash').waitFor();
    expect((await app.http.get(`/api/tasks/${taskId}`).expect(200)).body).toMatchObject({ status: 'completed', submitted: { amount: 350.5 } });
    expect(await activeOf(id)).toEqual(['Timer_Wait']);
    expect(errorsOf(agent, EXPECTED)).toEqual([]);
  });

  it('shows a completion that failed on data as an incident on the board, retried after the supervisor corrects the variable', async () => {
    // given a delay forced through the API, and a completion that fails on it
    const { id, taskId } = await startFees('FEE-2', '2 minutes');
    await app.http.post(`/api/tasks/${taskId}/complete`).send({ variables: { amount: 120 } }).expect(422);
    // when the supervisor opens the board
    await supervisor.goto('/board');
    // then the incident is listed with its error
    const incident = supervisor.getByTestId('open-incident').filter({ hasText: 'Task_Fees' });
    await incident.waitFor();
    expect(await incident.innerText()).toContain('Timer_Wait: Unexpected ISO 8601');
    await saveScreenshot(supervisor, 'board-incident');
    // when the supervisor opens the request, corrects the delay and retries
    await incident.getByRole('link').click();
    const retry = supervisor.getByTestId('incident-retry');
    await retry.waitFor();
    await retry.getByLabel('Variable').selectOption('delay');
    await retry.getByLabel('New value').fill('PT2M');
    await retry.getByRole('button', { name: 'Retry' }).click();
    // then the incident is resolved (its retry form goes) and the request waits on its timer
    await supervisor.getByTestId('incidents').getByText('resolved', { exact: true }).waitFor();
    expect(await retry.count()).toBe(0);
    expect(await activeOf(id)).toEqual(['Timer_Wait']);
    expect((await app.http.get(`/api/tasks/${taskId}`).expect(200)).body).toMatchObject({ status: 'completed', submitted: { amount: 120 } });
    expect(errorsOf(supervisor, EXPECTED)).toEqual([]);
  });

  it('shows the forms of the shipped processes in 中文: labels and option names from the diagram', async () => {
    // given a supervisor and an agent who work in Chinese
    const zhSupervisor = await app.newPage({ locale: 'zh-CN', name: 'zhou.min', role: 'supervisor' });
    await zhSupervisor.goto('/instances?definitionKey=service-request');
    await zhSupervisor.getByRole('button', { name: '发起实例' }).click();
    const form = zhSupervisor.getByTestId('start-form');
    // then the start form speaks Chinese
    await form.locator('label[for="start-customerName"]').getByText('客户姓名').waitFor();
    expect(await form.locator('label[for="start-followUpDelay"]').innerText()).toBe('回访等待时长（默认 24 小时）');
    expect(await form.locator('#start-channel option[value="phone"]').innerText()).toBe('电话热线');
    // and so does the task form of the request
    const res = await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: { channel: 'phone', customerName: 'Li Wei', customerContact: '138', deviceModel: 'WM-200', faultDescription: 'drum', inWarranty: true, region: 'Pudong' } }).expect(201);
    const task = (await app.http.get('/api/tasks').query({ processInstanceId: res.body.id, status: 'open' }).expect(200)).body.items[0];
    const agent = await app.newPage({ locale: 'zh-CN', name: 'li.na', role: 'agent' });
    await agent.goto(`/tasks/${task.id}`);
    await agent.getByRole('button', { name: '领取' }).click();
    await agent.getByLabel(/^序列号/).waitFor();
    expect(await agent.getByLabel(/^需求一次记录准确/).count()).toBe(1);
    await saveScreenshot(agent, 'task-form-zh-CN');
    expect(errorsOf(zhSupervisor)).toEqual([]);
    expect(errorsOf(agent)).toEqual([]);
  });
});
