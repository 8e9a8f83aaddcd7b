// The incidents screen in real Chromium: a supervisor filters the incidents, retries one from the screen (its external
// task can be fetched again), and resolves a selection with a note and variables that the instances then carry.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { bpmn } from '../support/bpmn';

const quoteProcess = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Quote" />
  <bpmn:serviceTask id="Task_Quote" name="Get a quote" camunda:type="external" camunda:topic="supplierQuote" />
  <bpmn:sequenceFlow id="F2" sourceRef="Task_Quote" targetRef="Task_Check" />
  <bpmn:userTask id="Task_Check" name="Check" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Task_Check" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'supplier-quote' },
);

describe('incidents page in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  const instances: string[] = [];

  const failOne = async () => {
    const id = (await app.http.post('/api/process-instances').send({ definitionKey: 'supplier-quote' }).expect(201)).body.id as string;
    const locked = (await app.http.post('/api/external-tasks/fetch-and-lock').send({ workerId: 'w', maxTasks: 5, topics: [{ topicName: 'supplierQuote', lockDuration: 60_000 }] }).expect(200)).body;
    for (const task of locked) await app.http.post(`/api/external-tasks/${task.id}/failure`).send({ workerId: 'w', retries: 0, errorMessage: 'supplier API down' }).expect(204);
    instances.push(id);
    return id;
  };
  const incidentOf = async (instanceId: string) => (await app.http.get('/api/incidents').query({ processInstanceId: instanceId }).expect(200)).body.items[0];

  beforeAll(async () => {
    app = await startBrowserApp();
    await app.http.post('/api/definitions').send({ xml: quoteProcess }).expect(201);
    for (let i = 0; i < 3; i++) await failOne();
    page = await app.newPage({ locale: 'en', name: 'sup.qian', role: 'supervisor' });
  }, 120_000);
  afterAll(() => app.close());

  it('retries an incident from the screen', async () => {
    await page.goto('/incidents');
    await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).waitFor();
    // when the supervisor narrows to external tasks of this process
    await page.getByLabel('Process').selectOption('supplier-quote');
    await page.getByLabel('Kind').selectOption('external-task');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-incident]').length === 3);
    // and retries the first
    const first = await incidentOf(instances[0]);
    const row = page.locator(`tr[data-incident="${first.id}"]`);
    await row.getByRole('button', { name: 'Retry' }).click();
    // then it is resolved, and the external task can be fetched again
    await page.getByTestId('incident-outcome').getByText('Done: now resolved').waitFor();
    expect(await incidentOf(instances[0])).toMatchObject({ status: 'resolved', resolution: expect.stringMatching(/fetched again/) });
    const again = (await app.http.post('/api/external-tasks/fetch-and-lock').send({ workerId: 'w2', maxTasks: 5, topics: [{ topicName: 'supplierQuote', lockDuration: 60_000 }] }).expect(200)).body;
    expect(again.map((t: { processInstanceId: string }) => t.processInstanceId)).toEqual([instances[0]]);
    // and the open list no longer shows it
    await page.waitForFunction(() => document.querySelectorAll('tr[data-incident]').length === 2);
    const audit = (await app.http.get('/api/audit').query({ action: 'incident.retried' }).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ actor: 'user:sup.qian', targetType: 'incident', targetId: first.id })]);
    expect(errorsOf(page)).toEqual([]);
  }, 60_000);

  it('resolves a selection with a note and variables', async () => {
    // a note is required
    await page.getByLabel('Select the incident at Task_Quote').first().check();
    await page.getByLabel('Select the incident at Task_Quote').nth(1).check();
    await page.getByRole('button', { name: 'Resolve selected (2)' }).click();
    await page.getByRole('alert').getByText('Resolving needs a note').waitFor();
    // when given a note and variables
    await page.getByLabel('Note (for resolve)').fill('quoted by phone');
    await page.getByLabel('Variables (JSON object, optional)').fill('{"quote": 4200}');
    await page.getByRole('button', { name: 'Resolve selected (2)' }).click();
    // then both are resolved and their instances moved on with the variable
    await page.getByText('No incidents match.').waitFor();
    await saveScreenshot(page, 'incidents-resolved');
    for (const id of instances.slice(1)) {
      const view = (await app.http.get(`/api/process-instances/${id}`).expect(200)).body;
      expect(view.variables).toMatchObject({ quote: 4200 });
      expect(view.activeActivityIds).toEqual(['Task_Check']);
    }
  }, 60_000);
});
