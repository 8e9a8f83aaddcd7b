// The modeler's form editor (bpmn.io form-js) in real Chromium: an analyst adds a user task, designs its form with a
// decimal amount and a read-only field from an earlier step, deploys; the tasklist shows both and the server validates.
import type { Locator, Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

describe('form designer', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.newPage({ locale: 'en', name: 'ana', role: 'analyst' });
  });
  afterAll(() => app.close());

  /** The screen point halfway along a flow's path. */
  async function middleOf(flowId: string) {
    return page.locator(`g.djs-element[data-element-id="${flowId}"] .djs-hit`).first().evaluate((hit: any) => {
      const middle = hit.getPointAtLength(hit.getTotalLength() / 2);
      const screen = new (globalThis as any).DOMPoint(middle.x, middle.y).matrixTransform(hit.getScreenCTM());
      return { x: screen.x, y: screen.y };
    });
  }

  /** Drags a form-js palette field into the form (dragula listens to real mouse moves). */
  async function dragField(type: string, target: Locator) {
    const from = (await page.locator(`.fjs-palette-field[data-field-type="${type}"]`).boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 10 });
    await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 5 });
    await page.mouse.up();
  }

  async function setProperty(id: string, value: string) {
    const input = page.locator(`.fjs-properties-container #bio-properties-panel-${id}`);
    if (!(await input.isVisible())) {
      const group = page.locator('.fjs-properties-container .bio-properties-panel-group').filter({ has: page.locator(`#bio-properties-panel-${id}`) });
      await group.locator('.bio-properties-panel-group-header').click();
    }
    await input.fill(value);
  }

  async function toggle(id: string) {
    const input = page.locator(`.fjs-properties-container #bio-properties-panel-${id}`);
    if (!(await input.isVisible())) {
      const group = page.locator('.fjs-properties-container .bio-properties-panel-group').filter({ has: input });
      await group.locator('.bio-properties-panel-group-header').click();
    }
    await input.check({ force: true });
  }

  it('adds a user task, designs its form with a decimal amount and a read-only diagnosis, and deploys it', async () => {
    // given a new diagram
    await page.goto('/modeler/new');
    const form = page.getByTestId('new-diagram');
    await form.getByLabel('Process id').fill('fees-designed');
    await form.getByLabel('Name').fill('Fees designed');
    await form.getByRole('button', { name: 'Create diagram' }).click();
    await page.locator('[data-testid="import-status"][data-state="done"][data-label="fees-designed"]').waitFor();
    // when the analyst drops a task on the flow to the end and makes it a user task
    await page.locator('.djs-palette .entry[data-action="create.task"]').click();
    const point = await middleOf('Flow_ToDone');
    await page.mouse.move(point.x - 5, point.y);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.mouse.click(point.x, point.y);
    await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    // and designs its form
    await page.getByRole('button', { name: 'Design form…' }).click();
    const designer = page.getByTestId('form-design');
    await designer.locator('.fjs-palette-field').first().waitFor();
    await dragField('textfield', designer.locator('.fjs-form'));
    await setProperty('label', 'Diagnosis');
    await setProperty('key', 'diagnosis');
    await toggle('readonly');
    // with its Chinese label as a custom property (kept as camunda:property label.zh-CN)
    const custom = page.locator('.fjs-properties-container .bio-properties-panel-group').filter({ hasText: 'Custom properties' });
    await custom.locator('.bio-properties-panel-add-entry').click();
    if (!(await custom.getByLabel('Key', { exact: true }).isVisible())) await custom.locator('.bio-properties-panel-collapsible-entry-header').first().click();
    await custom.getByLabel('Key', { exact: true }).fill('label.zh-CN');
    await custom.getByLabel('Value', { exact: true }).fill('诊断结果');
    await dragField('number', designer.locator('.fjs-form'));
    await setProperty('label', 'Amount');
    await setProperty('key', 'amount');
    await page.locator('.fjs-properties-container').getByLabel('Decimal digits', { exact: true }).fill('2');
    await page.locator('.fjs-properties-container .bio-properties-panel-group-header').filter({ hasText: 'Validation' }).click();
    await page.locator('.fjs-properties-container').getByLabel('Required', { exact: true }).check({ force: true });
    await saveScreenshot(page, 'form-designer');
    // and corrects the label, applying at once: the editor's pending (debounced) input must not be lost
    await setProperty('label', 'Amount (CNY)');
    await designer.getByRole('button', { name: 'Apply to diagram' }).click();
    await designer.waitFor({ state: 'detached' });
    const general = page.locator('[data-testid="properties-panel"] [data-group-id="group-general"]');
    if (!(await general.locator('.bio-properties-panel-group-entries.open').count())) await general.locator('.bio-properties-panel-group-header').click();
    await general.locator('#bio-properties-panel-name').fill('Settle fees');
    // and deploys
    await page.getByTestId('deploy').click();
    await page.getByTestId('deploy-dialog').getByRole('button', { name: 'Deploy version 1' }).click();
    await page.getByTestId('deploy-notice').filter({ hasText: 'Deployed fees-designed version 1' }).waitFor();
    // then the diagram carries the form as camunda:formData
    const xml = (await app.http.get('/api/definitions/fees-designed/xml').expect(200)).text;
    expect(xml).toMatch(/<camunda:formField id="amount" label="Amount \(CNY\)" type="decimal">\s*<camunda:validation>\s*<camunda:constraint name="required" \/>/);
    expect(xml).toMatch(/<camunda:formField id="diagnosis" label="Diagnosis" type="string">\s*<camunda:properties>\s*<camunda:property id="label.zh-CN" value="诊断结果" \/>\s*<\/camunda:properties>\s*<camunda:validation>\s*<camunda:constraint name="readonly" \/>/);
    expect(errorsOf(page)).toEqual([]);

    // when an agent opens the new task of a request whose diagnosis the earlier step (Handle request) recorded
    const started = (await app.http.post('/api/process-instances').send({ definitionKey: 'fees-designed', variables: {} }).expect(201)).body;
    const openTask = async () => (await app.http.get('/api/tasks').query({ processInstanceId: started.id, status: 'open' }).expect(200)).body.items[0];
    await app.http.post(`/api/tasks/${(await openTask()).id}/complete`).send({ variables: { diagnosis: 'Drum bearing worn' } }).expect(200);
    const task = await openTask();
    expect(task.name).toBe('Settle fees');
    const agent = await app.newPage({ locale: 'en', name: 'li.na', role: 'agent' });
    await agent.goto(`/tasks/${task.id}`);
    await agent.getByRole('button', { name: 'Claim' }).click();
    // then the diagnosis is shown read-only; a bad amount is refused beside the field and 350.50 accepted
    expect(await agent.getByLabel(/^Diagnosis/).inputValue()).toBe('Drum bearing worn');
    expect(await agent.getByLabel(/^Diagnosis/).getAttribute('readonly')).not.toBeNull();
    await agent.getByLabel(/^Amount/).fill('350.505');
    await agent.getByRole('button', { name: 'Complete task' }).click();
    await agent.getByTestId('error-amount').getByText('Amount (CNY): must have at most 2 decimals').waitFor();
    await agent.getByLabel(/^Amount/).fill('350.50');
    await agent.getByRole('button', { name: 'Complete task' }).click();
    await agent.getByTestId('flash').waitFor();
    expect((await app.http.get(`/api/tasks/${task.id}`).expect(200)).body).toMatchObject({ status: 'completed', submitted: { amount: 350.5 } });
    expect(errorsOf(agent, [/status of 400/])).toEqual([]);
  });
});
