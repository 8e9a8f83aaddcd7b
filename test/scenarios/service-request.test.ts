// Scenario tests: every path of processes/service-request.bpmn, driven through the API with a fake clock.
import { HOUR, Scenario, type InstanceView } from '../support/scenario';

const request = (overrides: Record<string, unknown> = {}) => ({
  channel: 'wechat',
  customerName: '王芳',
  customerContact: '+86 138 0000 0000',
  deviceModel: 'AC-3000',
  serialNumber: 'SN-42',
  faultDescription: 'No cooling',
  inWarranty: true,
  region: 'Shanghai',
  ...overrides,
});

describe('service-request process', () => {
  const s = new Scenario();
  // li.wei is a real technician: the Dispatch form takes only an active technician
  beforeAll(async () => {
    await s.setUp();
    await s.t.as('li.wei', ['technician']);
  });
  afterAll(() => s.tearDown());

  /** From triage (not simple) through dispatch, appointment and diagnosis. */
  async function toDiagnosis(id: string, diagnosis: Record<string, unknown> = {}): Promise<InstanceView> {
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
    await s.complete(id, 'Task_Dispatch', { technician: 'li.wei' });
    await s.complete(id, 'Task_AgreeAppointment', { appointmentAt: '2026-01-06T02:00:00Z' });
    return s.complete(id, 'Task_Diagnose', { diagnosis: 'compressor relay', partsNeeded: false, ...diagnosis });
  }

  async function closeAndFollowUp(id: string, problemsFound = false): Promise<InstanceView> {
    await s.complete(id, 'Task_Settlement', { paymentMethod: 'wechatpay' });
    const waiting = await s.instance(id);
    expect(waiting.activeActivityIds).toEqual(['Timer_FollowUp']);
    expect(new Date(waiting.timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(24 * HOUR);
    // when 23 hours pass nothing happens; at 24 hours the follow-up call is due
    await s.advance(23 * HOUR);
    expect((await s.instance(id)).activeActivityIds).toEqual(['Timer_FollowUp']);
    await s.advance(1 * HOUR);
    const due = await s.instance(id);
    expect(s.openTasks(due)).toEqual(['Task_FollowUpCall']);
    expect(due.timers).toEqual([]);
    expect(due.history.filter((h) => h.type === 'timer.fired')).toHaveLength(1);
    return s.complete(id, 'Task_FollowUpCall', { satisfactionScore: 5, problemsFound });
  }

  it('happy path in warranty: intake → triage → dispatch → appointment → diagnosis → repair → QC → settlement → follow-up → closed', async () => {
    // given
    const started = await s.start('service-request', request(), 'SR-HAPPY');
    expect(s.openTasks(started)).toEqual(['Task_RecordRequest']);
    expect(started.history.map((h) => h.type)).toContain('customer.notified');
    // when
    await toDiagnosis(started.id);
    await s.complete(started.id, 'Task_Repair', { repairNotes: 'replaced relay' });
    await s.complete(started.id, 'Task_QualityCheck', { fixed: true, customerSignedOff: true });
    const settled = await s.instance(started.id);
    const done = await closeAndFollowUp(started.id);
    // then
    expect(settled.variables).toMatchObject({ technician: 'li.wei', settlementAmount: 0 });
    expect(done).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_Closed', activeActivityIds: [] });
    expect(done.variables).toHaveProperty('archivedAt');
    expect(done.tasks.every((t) => t.status === 'completed')).toBe(true);
    expect(done.tasks.find((t) => t.activityId === 'Task_Repair')?.candidateRoles).toEqual(['technician']);
  });

  it('remote fix: a simple fault solved by phone guidance skips dispatch and goes to closure', async () => {
    const { id } = await s.start('service-request', request(), 'SR-REMOTE');
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P4', simpleFault: true });
    await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: true });
    const confirmed = await s.complete(id, 'Task_ConfirmRemoteFix', { customerConfirmed: true });
    expect(s.openTasks(confirmed)).toEqual(['Task_Settlement']);
    const done = await closeAndFollowUp(id);
    expect(done.status).toBe('completed');
    expect(done.tasks.map((t) => t.activityId)).not.toContain('Task_Dispatch');
  });

  it('a simple fault not solved remotely becomes a work order', async () => {
    const { id } = await s.start('service-request', request(), 'SR-REMOTE-FAIL');
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P3', simpleFault: true });
    const after = await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: false });
    expect(s.openTasks(after)).toEqual(['Task_Dispatch']);
    // no technician profile exists here: nobody is proposed, and the history says why
    expect(after.variables.technician).toBeNull();
    expect(after.history.map((h) => h.type)).toContain('technician.unavailable');
  });

  it('out of warranty, quote declined: closes with the reason and no repair', async () => {
    const { id } = await s.start('service-request', request({ inWarranty: false }), 'SR-DECLINE');
    await toDiagnosis(id, { estimatedCost: 800 });
    const done = await s.complete(id, 'Task_QuoteConsent', { quoteAmount: 800, quoteAccepted: false, declineReason: 'too expensive' });
    expect(done).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_QuoteDeclined' });
    expect(done.variables).toMatchObject({ quoteAccepted: false, declineReason: 'too expensive' });
    expect(done.tasks.map((t) => t.activityId)).not.toContain('Task_Repair');
  });

  it('out of warranty, quote accepted, parts needed: waits for the partsArrived message, settles the quote', async () => {
    const { id } = await s.start('service-request', request({ inWarranty: false }), 'SR-PARTS');
    await toDiagnosis(id, { partsNeeded: true });
    const waiting = await s.complete(id, 'Task_QuoteConsent', { quoteAmount: 650, quoteAccepted: true });
    expect(waiting.activeActivityIds).toEqual(['Event_PartsArrived']);
    // when the parts arrive
    await s.message('partsArrived', 'SR-PARTS', { partsReference: 'PO-7' });
    const repairing = await s.instance(id);
    expect(s.openTasks(repairing)).toEqual(['Task_Repair']);
    expect(repairing.variables.partsReference).toBe('PO-7');
    await s.complete(id, 'Task_Repair', { repairNotes: 'new compressor' });
    const qc = await s.complete(id, 'Task_QualityCheck', { fixed: true });
    expect(qc.variables.settlementAmount).toBe(650);
  });

  it('QC failed: goes back to diagnosis, then succeeds (rework loop)', async () => {
    const { id } = await s.start('service-request', request(), 'SR-REWORK');
    await toDiagnosis(id);
    await s.complete(id, 'Task_Repair', { repairNotes: 'first try' });
    const rework = await s.complete(id, 'Task_QualityCheck', { fixed: false });
    expect(s.openTasks(rework)).toEqual(['Task_Diagnose']);
    await s.complete(id, 'Task_Diagnose', { diagnosis: 'second look', partsNeeded: false });
    await s.complete(id, 'Task_Repair', { repairNotes: 'second try' });
    const fixed = await s.complete(id, 'Task_QualityCheck', { fixed: true });
    expect(s.openTasks(fixed)).toEqual(['Task_Settlement']);
    expect(fixed.tasks.filter((t) => t.activityId === 'Task_Diagnose')).toHaveLength(2);
  });

  it('follow-up finds problems: follow-up work goes back to diagnosis', async () => {
    const { id } = await s.start('service-request', request(), 'SR-FOLLOWUP');
    await toDiagnosis(id);
    await s.complete(id, 'Task_Repair', { repairNotes: 'done' });
    await s.complete(id, 'Task_QualityCheck', { fixed: true });
    const reopened = await closeAndFollowUp(id, true);
    expect(reopened.status).toBe('active');
    expect(s.openTasks(reopened)).toEqual(['Task_Diagnose']);
  });

  it('the follow-up delay can be set per request', async () => {
    const { id } = await s.start('service-request', request({ followUpDelay: 'PT48H' }), 'SR-48H');
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P4', simpleFault: true });
    await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: true });
    await s.complete(id, 'Task_ConfirmRemoteFix');
    await s.complete(id, 'Task_Settlement', { paymentMethod: 'free' });
    const view = await s.instance(id);
    expect(new Date(view.timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(48 * HOUR);
  });
});
