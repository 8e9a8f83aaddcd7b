// Actions on what the process awaits (issue 17, item 6) in real Chromium: a request waiting for spare parts offers
// "Spare parts arrived" in the instance viewer to a technician, and sending it moves the request on; roles that may
// not send messages are not offered it (and the API refuses them).
import { fillForm } from '../support/scenario';
import { errorsOf, startBrowserApp, type BrowserApp } from '../support/browser';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('awaited messages on screen', () => {
  let app: BrowserApp;
  let instanceId: string;
  const step = async (activityId: string, values: Record<string, unknown>) => {
    const task = (await app.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items.find((x: { activityId: string }) => x.activityId === activityId);
    await app.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, values) }).expect(200);
  };

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    instanceId = (await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-PARTS-UI', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    await step('Task_RecordRequest', { requirementUnderstood: true });
    await step('Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
    // the Dispatch form takes only an active technician: tech.wu, who later opens the viewer
    await app.as('tech.wu', ['technician']);
    await step('Task_Dispatch', { technician: 'tech.wu' });
    await step('Task_AgreeAppointment', { appointmentAt: '2026-03-01T09:30:00+08:00' });
    await step('Task_Diagnose', { diagnosis: 'worn belt', partsNeeded: true });
  });
  afterAll(() => app.close());

  it('offers "Spare parts arrived" to a technician, and sending it moves the request on', async () => {
    // given
    const page = await app.newPage({ locale: 'en', name: 'tech.wu', role: 'technician' });
    await page.goto(`/instances/${instanceId}`);
    // when
    await page.getByTestId('awaited-messages').getByRole('button', { name: 'Confirm: Spare parts arrived' }).click();
    // then
    await page.getByText('"Spare parts arrived" recorded: the request moves on.').waitFor();
    const detail = (await app.http.get(`/api/process-instances/${instanceId}`).expect(200)).body;
    expect(detail.activeActivityIds).toEqual(['Task_Repair']);
    // the viewer's incident list is for supervisors: a technician's request for it is refused (403), as before
    expect(errorsOf(page, [/status of 403/])).toEqual([]);
  });

  it('does not offer it to an analyst, whom the API refuses', async () => {
    // given another request at the same wait is not needed: the analyst sees no offer at all
    const analyst = await app.as('ana.lyst', ['analyst']);
    await analyst.get('/api/messages/awaited').query({ processInstanceId: instanceId }).expect(403);
    const page = await app.newPage({ locale: 'en', name: 'ana.lyst', role: 'analyst' });
    // when
    await page.goto(`/instances/${instanceId}`);
    await page.getByTestId('waits').or(page.getByText('Task_Repair').first()).first().waitFor();
    // then
    expect(await page.getByTestId('awaited-messages').count()).toBe(0);
  });
});
