// Dispatch on the real service-request process: a roster of five technicians, the choice and its reason, the
// supervisor's audited override (tasks and later steps follow), no technician available, and the load view.
import { HOUR, Scenario } from '../support/scenario';

const REQUEST = { channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };
const ROSTER = [
  { username: 'hw.busy', skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 1 },
  { username: 'hw.desk', skills: ['hardware'], regions: ['Shanghai'], calendar: 'service-desk', capacity: 5 },
  { username: 'hw.free', skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 3 },
  { username: 'sw.sh', skills: ['software'], regions: ['Shanghai'], calendar: '24x7', capacity: 5 },
  { username: 'hw.bj', skills: ['hardware'], regions: ['Beijing'], calendar: '24x7', capacity: 5 },
];

describe('dispatch', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    for (const { username, ...profile } of ROSTER) {
      await s.t.as(username, ['technician']);
      await s.t.http.put(`/api/dispatch/technicians/${username}`).send(profile).expect(200);
    }
    await s.t.as('sup.wang', ['supervisor']);
    // 12:30 in Shanghai on a Monday: the service-desk calendar is at lunch, so hw.desk is off duty.
    s.clock.advance(3.5 * HOUR);
  });
  afterAll(() => s.tearDown());

  /** Starts a request and takes it through triage to the Dispatch task. */
  async function toDispatch(triage: { faultType: string; priority: string }, region = 'Shanghai') {
    const started = await s.start('service-request', { ...REQUEST, region });
    await s.complete(started.id, 'Task_RecordRequest');
    return s.complete(started.id, 'Task_TriageRequest', { ...triage, simpleFault: false });
  }

  async function taskOf(instanceId: string, activityId: string) {
    const view = await s.instance(instanceId);
    const task = view.tasks.find((t) => t.activityId === activityId && t.status === 'open');
    return (await s.t.http.get(`/api/tasks/${task!.id}`).expect(200)).body;
  }

  it('sends a P1 hardware fault in Shanghai to the free Shanghai hardware technician, says why, and audits the override', async () => {
    // given hw.busy carries one request already (dispatched to them by name)
    const first = await toDispatch({ faultType: 'hardware', priority: 'P3' });
    await s.complete(first.id, 'Task_Dispatch', { technician: 'hw.busy' });
    // when a P1 hardware fault in Shanghai comes in at lunch time
    const urgent = await toDispatch({ faultType: 'hardware', priority: 'P1' });
    // then hw.free is chosen: hw.busy is full, hw.desk off duty, sw.sh lacks the skill, hw.bj the region
    expect(urgent.variables.technician).toBe('hw.free');
    expect(urgent.variables.dispatch).toMatchObject({ technician: 'hw.free', by: 'assignTechnician', reason: expect.stringContaining('hw.free for a hardware fault in shanghai (urgent') });
    const proposed = urgent.history.find((h) => h.type === 'technician.proposed')!;
    const why = Object.fromEntries((proposed.detail!.considered as { username: string; excluded?: string }[]).map((c) => [c.username, c.excluded ?? 'chosen']));
    expect(why).toEqual({ 'hw.bj': 'region', 'hw.busy': 'full', 'hw.desk': 'offDuty', 'hw.free': 'chosen', 'sw.sh': 'skill' });

    // when the supervisor overrides the choice
    const sup = await s.t.as('sup.wang', ['supervisor']);
    await sup.post(`/api/dispatch/process-instances/${urgent.id}/override`).send({ technician: 'hw.desk', reason: 'knows this customer' }).expect(200);
    // then the instance history and the audit log both say who, from whom, to whom and why
    const overridden = await s.instance(urgent.id);
    expect(overridden.variables).toMatchObject({ technician: 'hw.desk', dispatch: { technician: 'hw.desk', by: 'user:sup.wang', reason: 'knows this customer', overrides: 'hw.free' } });
    expect(overridden.history.find((h) => h.type === 'technician.overridden')?.detail).toMatchObject({ from: 'hw.free', to: 'hw.desk', by: 'user:sup.wang' });
    const audit = (await s.t.http.get('/api/audit').query({ action: 'dispatch.overridden' }).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ actor: 'user:sup.wang', action: 'dispatch.overridden', targetId: urgent.id, detail: expect.objectContaining({ from: 'hw.free', to: 'hw.desk', reason: 'knows this customer' }) })]);

    // when the dispatcher confirms (technician left empty keeps the choice) and the appointment is agreed
    await s.complete(urgent.id, 'Task_Dispatch', { partsPrepared: true });
    await s.complete(urgent.id, 'Task_AgreeAppointment');
    // then the diagnosis is assigned to hw.desk, and shows under their "assigned to me"
    expect(await taskOf(urgent.id, 'Task_Diagnose')).toMatchObject({ assignee: 'hw.desk' });
    const desk = await s.t.as('hw.desk', ['technician']);
    const mine = (await desk.get('/api/tasks').query({ assignee: 'hw.desk', status: 'open' }).expect(200)).body.items;
    expect(mine.map((t: { processInstanceId: string; activityId: string }) => [t.processInstanceId, t.activityId])).toEqual([[urgent.id, 'Task_Diagnose']]);

    // when overridden again with the diagnosis open: the open task moves, and the later repair goes to the new one
    await sup.post(`/api/dispatch/process-instances/${urgent.id}/override`).send({ technician: 'hw.free', reason: 'hw.desk is ill' }).expect(200);
    expect(await taskOf(urgent.id, 'Task_Diagnose')).toMatchObject({ assignee: 'hw.free' });
    await s.complete(urgent.id, 'Task_Diagnose', { diagnosis: 'relay', partsNeeded: false });
    expect(await taskOf(urgent.id, 'Task_Repair')).toMatchObject({ assignee: 'hw.free' });
  });

  it('leaves the work to the technician group, with a history entry, when nobody fits', async () => {
    // when an installation fault comes in (no one has the skill)
    const view = await toDispatch({ faultType: 'installation', priority: 'P2' });
    // then no technician is named, the reason is recorded, and the process goes on
    expect(view.variables.technician).toBeNull();
    expect(view.history.find((h) => h.type === 'technician.unavailable')?.detail).toMatchObject({ technician: null, reason: expect.stringContaining('no technician available for a installation fault in shanghai: 5 skill') });
    expect(s.openTasks(view)).toEqual(['Task_Dispatch']);
    await s.complete(view.id, 'Task_Dispatch');
    await s.complete(view.id, 'Task_AgreeAppointment');
    expect(await taskOf(view.id, 'Task_Diagnose')).toMatchObject({ assignee: null, candidateRoles: ['technician'] });
  });

  it('shows dispatchers each technician\'s load, on-duty state and profile', async () => {
    const sup = await s.t.as('sup.wang', ['supervisor']);
    const load = (await sup.get('/api/dispatch/technicians').expect(200)).body as { username: string; openWork: number; onDuty: boolean; profile: { capacity: number } }[];
    const byName = Object.fromEntries(load.map((t) => [t.username, t]));
    expect(byName['hw.busy']).toMatchObject({ openWork: 1, onDuty: true, profile: { capacity: 1 } });
    expect(byName['hw.desk']).toMatchObject({ openWork: 0, onDuty: false });
    expect(byName['hw.free']).toMatchObject({ openWork: 1 });
  });

  it('refuses bad profiles and overrides with a clear 4xx', async () => {
    await s.t.as('ag.li', ['agent']);
    await s.t.http.put('/api/dispatch/technicians/hw.free').send({ skills: ['hardware'], regions: ['Shanghai'], calendar: 'moon', capacity: 1 }).expect(400);
    await s.t.http.put('/api/dispatch/technicians/hw.free').send({ skills: 'hardware', regions: [], calendar: '24x7', capacity: -1 }).expect(400);
    await s.t.http.put('/api/dispatch/technicians/ag.li').send({ skills: [], regions: [], calendar: '24x7', capacity: 1 }).expect(404);
    const view = await toDispatch({ faultType: 'software', priority: 'P3' });
    expect(view.variables.technician).toBe('sw.sh');
    const sup = await s.t.as('sup.wang', ['supervisor']);
    const bad = await sup.post(`/api/dispatch/process-instances/${view.id}/override`).send({ technician: 'ag.li', reason: 'x' }).expect(400);
    expect(bad.body.message).toContain('"ag.li" is not an active user with the role technician');
    await sup.post(`/api/dispatch/process-instances/${view.id}/override`).send({ technician: 'sw.sh', reason: 'x' }).expect(409);
    await sup.post(`/api/dispatch/process-instances/${view.id}/override`).send({ technician: 'hw.free' }).expect(400);
    const agent = await s.t.as('ag.li', ['agent']);
    await agent.post(`/api/dispatch/process-instances/${view.id}/override`).send({ technician: 'hw.free', reason: 'x' }).expect(403);
  });
});
