// Dispatch in real Chromium: the supervisor confirms the proposed technician with the user picker, the load screen
// shows the new work, and the technician finds the dispatched request under "Assigned to me", where they add a
// comment and a photo that the instance viewer shows too.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo')]);
const START = { channel: 'phone', customerName: 'Zhang Wei', customerContact: '138 0013 8000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };

describe('dispatch in the browser', () => {
  let app: BrowserApp;
  let supervisor: Page;
  let instanceId: string;

  const openTask = async (activityId: string) => {
    const items = (await app.http.get(`/api/tasks?processInstanceId=${instanceId}&status=open`).expect(200)).body.items as { id: string; activityId: string; form: { id: string; required: boolean }[] }[];
    return items.find((t) => t.activityId === activityId)!;
  };
  const completeByApi = async (activityId: string, variables: Record<string, unknown>) => {
    await app.http.post(`/api/tasks/${(await openTask(activityId)).id}/complete`).send({ variables }).expect(200);
  };

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'true' } });
    for (const [username, region] of [['hw.li', 'Shanghai'], ['hw.ma', 'Beijing']]) {
      await app.as(username, ['technician']);
      await app.http.put(`/api/dispatch/technicians/${username}`).send({ skills: ['hardware'], regions: [region], calendar: '24x7', capacity: 3 }).expect(200);
    }
    const res = await app.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-D-1', variables: START }).expect(201);
    instanceId = res.body.id;
    await completeByApi('Task_RecordRequest', { requirementUnderstood: true });
    await completeByApi('Task_TriageRequest', { faultType: 'hardware', priority: 'P1', simpleFault: false });
    supervisor = await app.newPage({ locale: 'en', name: 'sup.zhou', role: 'supervisor' });
  });
  afterAll(() => app.close());

  it('the supervisor confirms the proposed technician with the picker, sees the load and overrides from the screen', async () => {
    // given the Dispatch task, with hw.li proposed
    const task = await openTask('Task_Dispatch');
    await supervisor.goto(`/tasks/${task.id}`);
    await supervisor.getByRole('button', { name: 'Claim' }).click();
    const picker = supervisor.locator('select[name="technician"]');
    await picker.waitFor();
    // then the picker offers the active technicians and starts from the proposal
    expect(await picker.locator('option').allInnerTexts()).toEqual(['— choose a Technician —', 'hw.li', 'hw.ma']);
    expect(await picker.inputValue()).toBe('hw.li');
    // when confirmed
    await supervisor.getByRole('button', { name: 'Complete task' }).click();
    await supervisor.getByTestId('flash').waitFor();
    // then the load screen counts the request for hw.li
    await supervisor.goto('/dispatch');
    const row = supervisor.locator('[data-testid="technician"][data-username="hw.li"]');
    await row.getByText('1 / 3').waitFor();
    await saveScreenshot(supervisor, 'dispatch-load');

    // when the supervisor overrides to hw.ma and back to hw.li from the screen, with a reason
    for (const [to, reason] of [['hw.ma', 'covers for hw.li today'], ['hw.li', 'hw.li is back']]) {
      await supervisor.getByLabel('Process instance id').fill(instanceId);
      await supervisor.locator('select[name="technician"]').selectOption(to);
      await supervisor.getByLabel('Reason (audited)').fill(reason);
      await supervisor.getByRole('button', { name: 'Override' }).click();
      await supervisor.getByTestId('override-result').getByText(`${to} now handles the request`).waitFor();
    }
    // then both overrides are in the audit log with the supervisor's name
    const audit = (await app.http.get('/api/audit').query({ action: 'dispatch.overridden', targetId: instanceId }).expect(200)).body.items;
    expect(audit.map((a: { actor: string; detail: { to: string } }) => [a.actor, a.detail.to]).sort()).toEqual([['user:sup.zhou', 'hw.li'], ['user:sup.zhou', 'hw.ma']]);
    expect(errorsOf(supervisor)).toEqual([]);
  });

  it('the technician sees the dispatched request under "Assigned to me"', async () => {
    // given the appointment is agreed: the diagnosis opens for the dispatched technician
    await completeByApi('Task_AgreeAppointment', { appointmentAt: '2026-03-01T09:30:00+08:00' });
    const technician = await app.newPage({ locale: 'en', name: 'hw.li', role: 'technician' });
    // when
    await technician.goto('/tasks');
    await technician.getByRole('tab', { name: 'Assigned to me' }).click();
    // then
    const row = technician.getByTestId('task-row').filter({ hasText: 'SR-D-1' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Diagnose on site[\s\S]*SR-D-1/);
    await saveScreenshot(technician, 'dispatch-assigned-to-me');

    // when the technician opens it, leaves a note and attaches a photo of the fault
    await row.click();
    const notes = technician.getByTestId('request-notes');
    await notes.getByLabel('Comment').fill('Compressor relay burnt');
    await notes.getByRole('button', { name: 'Add comment' }).click();
    await notes.getByTestId('comment').filter({ hasText: 'Compressor relay burnt' }).waitFor();
    await notes.locator('input[type="file"]').setInputFiles({ name: 'fault.png', mimeType: 'image/png', buffer: PNG });
    await notes.getByTestId('attachment').filter({ hasText: 'fault.png' }).waitFor();
    await saveScreenshot(technician, 'request-notes-task');
    expect(errorsOf(technician)).toEqual([]);
    // then the instance viewer shows them too (a supervisor's view here: a technician's viewer is refused the incidents list)
    await supervisor.goto(`/instances/${instanceId}`);
    await supervisor.getByTestId('request-notes').getByTestId('attachment').filter({ hasText: 'fault.png' }).waitFor();
    await supervisor.getByTestId('request-notes').getByTestId('comment').filter({ hasText: 'Compressor relay burnt' }).waitFor();
    await saveScreenshot(supervisor, 'request-notes-instance');
    expect(errorsOf(supervisor)).toEqual([]);
  });
});
