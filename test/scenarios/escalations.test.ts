// Scenario tests for escalation records on the complaint process: raised with the escalation timer, linked to the
// next role's task, acknowledged / reassigned / resolved by supervisors, resolved by themselves when the task closes.
import { HOUR, MINUTE, Scenario } from '../support/scenario';

describe('escalations', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());

  const complaint = { channel: 'phone', customerName: '韩梅梅', customerContact: '+86 137 0000 0000', complaint: 'No call back', urgent: true };
  const escalationsOf = async (id: string) => (await s.t.http.get(`/api/escalations?processInstanceId=${id}`).expect(200)).body.items;

  // The escalation timers count service-desk hours: each case starts on its own weekday at 10:00 Shanghai.
  const mornings = ['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13'].map((d) => `${d}T10:00:00+08:00`);
  async function escalatedToSupervisor(businessKey: string) {
    s.clock.set(mornings.shift()!);
    const { id } = await s.start('complaint-escalation', complaint, businessKey);
    await s.complete(id, 'Task_RegisterComplaint', { category: 'service', urgent: true });
    await s.advance(15 * MINUTE);
    return id;
  }

  it('an escalation raises one record for the supervisor, linked to the supervisor task', async () => {
    // given / when
    const id = await escalatedToSupervisor('ESC-1');
    // then
    const [record] = await escalationsOf(id);
    const view = await s.instance(id);
    const l2Task = view.tasks.find((t) => t.activityId === 'Task_HandleL2');
    expect(record).toMatchObject({ level: 2, cycle: 1, role: 'supervisor', status: 'open', taskId: l2Task?.id });
    const open = (await s.t.http.get('/api/escalations?status=open&role=supervisor&level=2').expect(200)).body.items;
    expect(open.map((e: { id: string }) => e.id)).toContain(record.id);
  });

  it('a supervisor acknowledges, reassigns (the task follows), and the record resolves when the task is done', async () => {
    const id = await escalatedToSupervisor('ESC-2');
    const [record] = await escalationsOf(id);
    // when
    const supervisor = await s.t.as('sup.wang', ['supervisor']);
    // the actor is the signed-in caller: a "by" in the body is refused, not believed
    const claimed = await supervisor.post(`/api/escalations/${record.id}/acknowledge`).send({ by: 'sup.li' }).expect(400);
    expect(JSON.stringify(claimed.body.message)).toMatch(/by should not exist/);
    await supervisor.post(`/api/escalations/${record.id}/acknowledge`).send({}).expect(200);
    await s.t.http.post(`/api/escalations/${record.id}/acknowledge`).send({}).expect(409);
    await s.t.as('sup.zhao', ['supervisor']); // reassignment names an active supervisor
    const reassigned = await s.t.http.post(`/api/escalations/${record.id}/reassign`).send({ assignee: 'sup.zhao' }).expect(200);
    // then
    expect(reassigned.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'sup.wang', assignee: 'sup.zhao' });
    expect((await s.t.http.get(`/api/tasks/${record.taskId}`).expect(200)).body.assignee).toBe('sup.zhao');
    await s.complete(id, 'Task_HandleL2', { response: 'called', resolution: 'refund' });
    const [after] = await escalationsOf(id);
    expect(after).toMatchObject({ status: 'resolved', resolution: 'handled: the task was completed' });
    const history = (await s.instance(id)).history.map((h) => h.type);
    expect(history).toEqual(expect.arrayContaining(['escalation.acknowledged', 'escalation.reassigned', 'escalation.resolved']));
  });

  it('a further escalation resolves the L2 record and raises an L3 record for the manager', async () => {
    const id = await escalatedToSupervisor('ESC-3');
    await s.advance(1 * HOUR);
    const records = await escalationsOf(id);
    expect(records.find((e: { level: number }) => e.level === 2)).toMatchObject({ status: 'resolved', resolution: 'escalated further (task cancelled)' });
    expect(records.find((e: { level: number }) => e.level === 3)).toMatchObject({ status: 'open', role: 'manager' });
  });

  it('a second cycle (customer unhappy, back to the supervisor, late again) is a new record, not a duplicate', async () => {
    const id = await escalatedToSupervisor('ESC-4');
    await s.complete(id, 'Task_HandleL2', { response: 'r', resolution: 'r' });
    await s.complete(id, 'Task_SupervisorCallback', { customerSatisfied: false });
    await s.advance(1 * HOUR);
    const levels = (await escalationsOf(id)).map((e: { level: number; cycle: number }) => `${e.level}/${e.cycle}`).sort();
    expect(levels).toEqual(['2/1', '3/1']);
  });

  it('resolving by hand, and the 4xx cases', async () => {
    const id = await escalatedToSupervisor('ESC-5');
    const [record] = await escalationsOf(id);
    await s.t.http.post(`/api/escalations/${record.id}/resolve`).send({ note: 'customer withdrew' }).expect(200);
    await s.t.http.post(`/api/escalations/${record.id}/resolve`).send({ note: 'again' }).expect(409);
    await s.t.http.post(`/api/escalations/${record.id}/reassign`).send({}).expect(400);
    await s.t.http.get('/api/escalations?level=abc').expect(400);
    await s.t.http.get('/api/escalations/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
