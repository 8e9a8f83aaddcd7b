// The instance viewer in real Chromium for a call activity: the parent lists its child instance and links to it;
// the child's viewer links back to the parent.
import type { Page } from 'playwright-core';
import { bpmn } from '../support/bpmn';
import { errorsOf, startBrowserApp, type BrowserApp } from '../support/browser';

const CHILD = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Repair" />
  <bpmn:userTask id="Repair" name="Repair" camunda:candidateGroups="technician" />
  <bpmn:sequenceFlow id="F2" sourceRef="Repair" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'viewer-child' },
);
const PARENT = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="CallRepair" />
  <bpmn:callActivity id="CallRepair" name="Repair" calledElement="viewer-child" />
  <bpmn:sequenceFlow id="F2" sourceRef="CallRepair" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'viewer-parent' },
);

describe('instance viewer: call activity', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.newPage({ locale: 'en', name: 'sup-1', role: 'supervisor' });
    for (const xml of [CHILD, PARENT]) await app.http.post('/api/definitions').send({ xml }).expect(201);
  });
  afterAll(() => app.close());

  it("shows the parent's child instance, links to it, and the child links back", async () => {
    // given
    const parent = (await app.http.post('/api/process-instances').send({ definitionKey: 'viewer-parent', businessKey: 'CALL-1' }).expect(201)).body;
    const child = (await app.http.get(`/api/process-instances/${parent.id}`).expect(200)).body.childInstances[0];
    // when
    await page.goto(`/instances/${parent.id}`);
    // then
    const row = page.locator('[data-testid="child-instances"] tr[data-child-status="active"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('viewer-child');
    // when the child is opened
    await row.getByRole('link', { name: 'viewer-child' }).click();
    // then
    await page.waitForURL(`**/instances/${child.id}`);
    const back = page.getByTestId('parent-instance');
    await back.waitFor();
    expect(await back.innerText()).toContain('CallRepair');
    await back.getByRole('link').click();
    await page.waitForURL(`**/instances/${parent.id}`);
    expect(errorsOf(page)).toEqual([]);
  });
});
