// Scenario tests: processes/complaint-escalation.bpmn — response commitments and L1 → L2 → L3 escalation on timers.
// The escalation timers count service-desk working time (Mon–Fri 09:00–12:00 and 13:00–18:00 Asia/Shanghai, CN holidays).
import { HOUR, MINUTE, Scenario } from '../support/scenario';

/** A Shanghai wall-clock time 'YYYY-MM-DDTHH:mm' as an instant. */
const shanghai = (local: string) => new Date(`${local}:00+08:00`);

const complaint = (urgent: boolean) => ({
  channel: 'phone',
  customerName: '李雷',
  customerContact: '+86 139 0000 0000',
  complaint: 'Technician was two hours late',
  urgent,
});

describe('complaint-escalation process', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());

  async function registered(urgent: boolean, businessKey: string) {
    const { id } = await s.start('complaint-escalation', complaint(urgent), businessKey);
    const view = await s.complete(id, 'Task_RegisterComplaint', { category: 'attitude', urgent });
    expect(s.openTasks(view)).toEqual(['Task_HandleL1']);
    return view;
  }

  async function callBack(id: string, customerSatisfied: boolean) {
    return s.complete(id, 'Task_SupervisorCallback', { customerSatisfied, callbackNotes: 'called back' });
  }

  it('resolved at L1 in time: no escalation, supervisor calls back, closed', async () => {
    // given
    const { id } = await registered(false, 'C-L1');
    // when 59 minutes pass the agent still has it, and resolves it
    await s.advance(59 * MINUTE);
    const resolved = await s.complete(id, 'Task_HandleL1', { response: 'apologised', resolution: 'voucher' });
    // then
    expect(s.openTasks(resolved)).toEqual(['Task_SupervisorCallback']);
    expect(resolved.timers).toEqual([]);
    const closed = await callBack(id, true);
    expect(closed).toMatchObject({ status: 'completed', endActivityId: 'EndEvent_ComplaintClosed' });
    expect(closed.history.map((h) => h.type)).not.toContain('complaint.escalated');
  });

  it('normal complaint: L1 misses the 1 h commitment → L2 supervisor; resolved there', async () => {
    s.clock.set(shanghai('2026-01-06T10:00')); // a Tuesday, in working hours: one working hour is one wall hour
    const { id } = await registered(false, 'C-L2');
    const armed = await s.instance(id);
    expect(new Date(armed.timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(1 * HOUR);
    // when one hour passes
    await s.advance(1 * HOUR);
    // then the L1 task is cancelled and the supervisor has it
    const escalated = await s.instance(id);
    expect(s.openTasks(escalated)).toEqual(['Task_HandleL2']);
    expect(escalated.tasks.find((t) => t.activityId === 'Task_HandleL1')?.status).toBe('cancelled');
    expect(escalated.tasks.find((t) => t.activityId === 'Task_HandleL2')?.candidateRoles).toEqual(['supervisor']);
    expect(escalated.variables.escalationLevel).toBe(2);
    expect(escalated.history.filter((h) => h.type === 'complaint.escalated').map((h) => h.detail?.level)).toEqual([2]);
    await s.complete(id, 'Task_HandleL2', { response: 'called', resolution: 'refund' });
    expect((await callBack(id, true)).status).toBe('completed');
  });

  it('urgent complaint: 15 min to L2, then 1 h more to L3 manager', async () => {
    s.clock.set(shanghai('2026-01-07T10:00')); // Wednesday morning
    const { id } = await registered(true, 'C-L3');
    await s.advance(14 * MINUTE);
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL1']);
    await s.advance(1 * MINUTE);
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL2']);
    await s.advance(1 * HOUR);
    const atManager = await s.instance(id);
    expect(s.openTasks(atManager)).toEqual(['Task_HandleL3']);
    expect(atManager.tasks.find((t) => t.activityId === 'Task_HandleL3')?.candidateRoles).toEqual(['manager']);
    expect(atManager.variables.escalationLevel).toBe(3);
    expect(atManager.timers).toEqual([]);
    // the manager is the last level: no further timer
    await s.advance(24 * HOUR);
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL3']);
    await s.complete(id, 'Task_HandleL3', { response: 'visited', resolution: 'replacement unit' });
    expect((await callBack(id, true)).endActivityId).toBe('EndEvent_ComplaintClosed');
  });

  it('normal complaint at L2 waits 4 working hours (the lunch hour does not count) before the manager gets it', async () => {
    s.clock.set(shanghai('2026-01-08T09:00')); // Thursday: L1 due 10:00; L2 from 10:00 = 10–12 and 13–15
    const { id } = await registered(false, 'C-L2-4H');
    await s.advance(1 * HOUR);
    expect((await s.instance(id)).timers[0].dueAt).toBe(shanghai('2026-01-08T15:00').toISOString());
    await s.advance(4 * HOUR + 59 * MINUTE);
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL2']);
    await s.advance(1 * MINUTE);
    expect(s.openTasks(await s.instance(id))).toEqual(['Task_HandleL3']);
  });

  it('customer not satisfied at the call-back: back to the supervisor', async () => {
    const { id } = await registered(false, 'C-UNHAPPY');
    await s.complete(id, 'Task_HandleL1', { response: 'apologised', resolution: 'none' });
    const reopened = await callBack(id, false);
    expect(reopened.status).toBe('active');
    expect(s.openTasks(reopened)).toEqual(['Task_HandleL2']);
  });

  it('a timer that fell due long ago fires once, not once per missed poll', async () => {
    s.clock.set(shanghai('2026-01-09T09:00')); // Friday 09:00: L1 due 10:00
    const { id } = await registered(false, 'C-LATE');
    await s.advance(30 * HOUR); // Saturday 15:00
    const view = await s.instance(id);
    // L1 fires once although it was due 29 h ago; L2 is armed from the moment of escalation (a Saturday), so its
    // 4 working hours are Monday 09:00–12:00 and 13:00–14:00
    expect(view.history.filter((h) => h.type === 'timer.fired')).toHaveLength(1);
    expect(view.timers[0].dueAt).toBe(shanghai('2026-01-12T14:00').toISOString());
    expect(s.openTasks(view)).toEqual(['Task_HandleL2']);
  });
});
