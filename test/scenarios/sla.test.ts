// Scenario tests for SLA clocks with a fake clock: business hours across a weekend and a public holiday, the
// priority setting the target, warnings at 50 % and 75 %, pause while waiting for spare parts, breach, and the
// complaint first-response clock around the clock.
import { HOUR, MINUTE, Scenario } from '../support/scenario';

const DAY = 24 * HOUR;
interface SlaView { policy: string; scope: string; target: string; dueAt: string | null; paused: boolean; breached: boolean; status: string; remainingMs: number }

describe('SLA clocks', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    await s.t.as('li.wei', ['technician']); // the Dispatch form names an active technician
  });
  afterAll(() => s.tearDown());

  const slaOf = async (id: string): Promise<SlaView[]> => (await s.instance(id)).sla as unknown as SlaView[];
  const slaEvents = async (id: string) => (await s.instance(id)).history.filter((h) => h.type.startsWith('sla.')).map((h) => `${h.type}${h.detail?.percent ? ` ${h.detail.percent}` : ''}`);

  it('repair resolution: P2 = 8 working hours across a weekend and Labour Day, paused while waiting for parts', async () => {
    // given Thursday 2026-04-30 16:30 in Shanghai; 1–5 May are holidays (Labour Day, with the weekend inside)
    s.clock.set('2026-04-30T08:30:00Z');
    const { id } = await s.start('service-request', { channel: 'app', customerName: 'Zhou', customerContact: '138', deviceModel: 'WM-7', serialNumber: 'S1', faultDescription: 'leaks', inWarranty: true, region: 'Shanghai' }, 'SLA-1');
    expect((await slaOf(id))[0]).toMatchObject({ policy: 'repair-resolution', scope: 'process', target: 'PT16H', status: 'running' });
    // when triage grades it P2
    await s.complete(id, 'Task_RecordRequest', { requirementUnderstood: true });
    await s.complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
    // then 8 h of service-desk time (09–12, 13–18): Thu 1.5 h, then Wed 6 May 09:00–12:00 and 13:00–16:30
    expect((await slaOf(id))[0]).toMatchObject({ target: 'PT8H', dueAt: '2026-05-06T08:30:00.000Z' });

    // when the 50 % point passes (4 h: Wed 11:30) the warning is raised, not before
    await s.advance(5 * DAY + 18 * HOUR + 59 * MINUTE); // Wed 11:29
    expect(await slaEvents(id)).toEqual(['sla.started']);
    await s.advance(1 * MINUTE); // Wed 11:30
    expect(await slaEvents(id)).toEqual(['sla.started', 'sla.warning 50']);

    // when the technician finds that parts are needed, the clock pauses while waiting for them
    await s.complete(id, 'Task_Dispatch', { technician: 'li.wei' });
    await s.complete(id, 'Task_AgreeAppointment', { appointmentAt: '2026-05-06T06:00:00Z' });
    await s.complete(id, 'Task_Diagnose', { diagnosis: 'pump', partsNeeded: true });
    expect((await slaOf(id))[0]).toMatchObject({ paused: true, dueAt: null, status: 'paused' });
    await s.advance(2 * DAY); // Fri 8 May 11:30: nothing fires while paused
    expect(await slaEvents(id)).toEqual(['sla.started', 'sla.warning 50', 'sla.paused']);
    await s.message('partsArrived', 'SLA-1');
    // then 4 working hours remain: Fri 11:30–12:00 and 13:00–16:30
    expect((await slaOf(id))[0]).toMatchObject({ paused: false, status: 'running', dueAt: '2026-05-08T08:30:00.000Z' });

    // when the due time passes: the 75 % warning (Fri 14:30) and the breach (Fri 16:30)
    await s.advance(3 * HOUR);
    await s.advance(2 * HOUR);
    expect(await slaEvents(id)).toEqual(['sla.started', 'sla.warning 50', 'sla.paused', 'sla.resumed', 'sla.warning 75', 'sla.breached']);
    // and resolution (settlement reached) stops the clock as missed
    await s.complete(id, 'Task_Repair', { repairNotes: 'new pump' });
    await s.complete(id, 'Task_QualityCheck', { fixed: true });
    expect((await slaOf(id))[0]).toMatchObject({ status: 'missed', breached: true });
  });

  it('resolved in time: the clock is met and its check timer is gone', async () => {
    s.clock.set('2026-06-01T01:00:00Z'); // Monday 09:00
    const { id } = await s.start('service-request', { channel: 'web', customerName: 'Wu', customerContact: '139', deviceModel: 'TV', serialNumber: 'S2', faultDescription: 'no picture', inWarranty: true, region: 'Beijing' }, 'SLA-2');
    await s.complete(id, 'Task_RecordRequest', { requirementUnderstood: true });
    await s.complete(id, 'Task_TriageRequest', { faultType: 'software', priority: 'P4', simpleFault: true });
    await s.complete(id, 'Task_RemoteGuidance', { remoteFixed: true });
    await s.complete(id, 'Task_ConfirmRemoteFix');
    const view = await s.instance(id);
    expect(view.sla[0]).toMatchObject({ status: 'met', breached: false });
    await s.advance(10 * DAY);
    expect((await slaEvents(id)).filter((e) => e.startsWith('sla.warning') || e === 'sla.breached')).toEqual([]);
  });

  it('complaint first response: 15 working minutes for urgent ones, on the L1 task; breach and escalation together', async () => {
    // Saturday 22:00 in Shanghai: the policy and the L1 timer both count service-desk hours, so both wait for Monday 09:00
    s.clock.set('2026-06-06T14:00:00Z');
    const { id } = await s.start('complaint-escalation', { channel: 'phone', customerName: 'Qian', customerContact: '136', complaint: 'rude', urgent: true }, 'SLA-3');
    await s.complete(id, 'Task_RegisterComplaint', { category: 'attitude', urgent: true });
    const l1 = (await s.instance(id)).tasks.find((t) => t.activityId === 'Task_HandleL1')!;
    const task = (await s.t.http.get(`/api/tasks/${l1.id}`).expect(200)).body;
    expect(task.sla).toEqual([expect.objectContaining({ policy: 'complaint-first-response', scope: 'task', target: 'PT15M', dueAt: '2026-06-08T01:15:00.000Z' })]);
    expect((await s.instance(id)).timers.map((t) => t.dueAt)).toEqual(['2026-06-08T01:15:00.000Z']);
    await s.advance(new Date('2026-06-08T01:14:00Z').getTime() - s.clock.now().getTime());
    expect((await s.instance(id)).tasks.find((t) => t.activityId === 'Task_HandleL2')).toBeUndefined();
    await s.advance(MINUTE);
    const events = await slaEvents(id);
    expect(events).toEqual(['sla.started', 'sla.warning 50', 'sla.warning 75', 'sla.breached', 'sla.missed']);
    expect((await s.instance(id)).tasks.find((t) => t.activityId === 'Task_HandleL2')?.status).toBe('open');
  });

  it('cancelling an instance cancels its clocks (not met)', async () => {
    const { id } = await s.start('service-request', { channel: 'web', customerName: 'Sun', customerContact: '135', deviceModel: 'AC', serialNumber: 'S3', faultDescription: 'noise', inWarranty: true, region: 'Shanghai' }, 'SLA-4');
    await s.t.http.delete(`/api/process-instances/${id}`).send({ reason: 'duplicate' }).expect(200);
    expect((await slaOf(id))[0]).toMatchObject({ status: 'cancelled', breached: false });
  });

  it('SLA warnings and breaches reach supervisors on the live stream (outbox roles)', async () => {
    const rows = await s.t.app.get(require('typeorm').DataSource).query(`SELECT type, roles FROM outbox WHERE type LIKE 'sla.%' AND payload->>'businessKey' = 'SLA-3' ORDER BY id`);
    expect(rows.find((r: { type: string }) => r.type === 'sla.breached').roles).toEqual(expect.arrayContaining(['agent', 'supervisor']));
  });
});
