// Scenario tests: processes/complaint-escalation.bpmn — response commitments and L1 → L2 → L3 escalation on timers.
import { HOUR, MINUTE, Scenario } from '../support/scenario';

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

  it('normal complaint at L2 waits 4 h before the manager gets it', async () => {
    const { id } = await registered(false, 'C-L2-4H');
    await s.advance(1 * HOUR);
    await s.advance(3 * HOUR + 59 * MINUTE);
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
    const { id } = await registered(false, 'C-LATE');
    await s.advance(30 * HOUR);
    const view = await s.instance(id);
    // L1 fires once although it was due 29 h ago; L2 is armed from the moment of escalation, so it is not due yet
    expect(view.history.filter((h) => h.type === 'timer.fired')).toHaveLength(1);
    expect(new Date(view.timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(4 * HOUR);
    expect(s.openTasks(view)).toEqual(['Task_HandleL2']);
  });
});
