// Process content edited in the modeler (issue 17 item 4): the Name (中文) field under an element's name writes the
// camunda:property name.zh-CN that the tasklist shows to Chinese users after deploy.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const COMPLAINT = { channel: 'phone', customerName: 'Wang Fang', customerContact: '138 0013 8000', complaint: 'Late visit', urgent: false };

describe('element names in Chinese in the modeler', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    page = await app.newPage({ locale: 'en', name: 'ana', role: 'analyst' });
  });
  afterAll(() => app.close());

  it('shows and edits the zh-CN name of a task, deployed with the diagram and shown on its tasks', async () => {
    // given
    await page.goto('/modeler/complaint-escalation');
    await page.locator('[data-testid="import-status"][data-state="done"]').waitFor();
    await page.locator('g.djs-element[data-element-id="Task_RegisterComplaint"]').click();
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Register & assign handler' }).waitFor();
    // then the shipped Chinese name is under the name, in the General group
    const general = page.locator('[data-group-id="group-general"]');
    if (!(await general.locator('.bio-properties-panel-group-entries.open').count())) await general.locator('.bio-properties-panel-group-header').click();
    const zh = page.locator('#bio-properties-panel-serviceFlowNameZh');
    expect(await zh.inputValue()).toBe('登记投诉并指定处理人');
    // when the analyst changes it and deploys
    await zh.fill('登记投诉并分派处理人');
    await zh.press('Tab');
    await saveScreenshot(page, 'modeler-name-zh-CN');
    await page.getByTestId('deploy').click();
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.getByTestId('deploy-versions').waitFor();
    await dialog.getByRole('button', { name: /^Deploy version 2/ }).click();
    await page.getByTestId('deploy-notice').filter({ hasText: 'Deployed complaint-escalation version 2' }).waitFor();
    // then the deployed XML carries it, and a task of the new version is named with it
    const xml = (await app.http.get('/api/definitions/complaint-escalation/xml?version=2').expect(200)).text;
    expect(xml).toMatch(/<camunda:property name="name\.zh-CN" value="登记投诉并分派处理人" \/>/);
    const id = (await app.http.post('/api/process-instances').send({ definitionKey: 'complaint-escalation', variables: COMPLAINT }).expect(201)).body.id;
    const [task] = (await app.http.get('/api/tasks').query({ processInstanceId: id }).expect(200)).body.items;
    expect(task).toMatchObject({ activityId: 'Task_RegisterComplaint', names: { 'zh-CN': '登记投诉并分派处理人' } });
    expect(errorsOf(page)).toEqual([]);
  });
});
