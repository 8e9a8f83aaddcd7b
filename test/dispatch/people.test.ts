// Names that mean people: the user picker lists active holders of a role; the Dispatch form's technician, the
// complaint's handler and an escalation's reassignment take only such a person, and the named person gets the task.
import { MINUTE, Scenario } from '../support/scenario';

const REQUEST = { channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Hangzhou' };
const COMPLAINT = { channel: 'phone', customerName: '李雷', customerContact: '+86 139 0000 0000', complaint: 'Late', urgent: true };

describe('people named by forms and actions', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    await s.t.as('li.wei', ['technician']);
    await s.t.as('zhao.gone', ['technician']);
    await s.t.as('ag.chen', ['agent']);
    await s.t.as('sup.zhao', ['supervisor']);
    const users = (await s.t.http.get('/api/users').query({ limit: 200 }).expect(200)).body.items;
    const gone = users.find((u: { username: string }) => u.username === 'zhao.gone');
    await s.t.http.patch(`/api/users/${gone.id}`).send({ active: false }).expect(200);
    // a member of the technician group without the role counts too
    await s.t.as('ext.wu', ['agent']);
    await s.t.http.put('/api/groups/technician/members/ext.wu').expect(200);
  });
  afterAll(() => s.tearDown());

  const complete = async (instanceId: string, activityId: string, variables: Record<string, unknown>) => {
    const task = (await s.instance(instanceId)).tasks.find((t) => t.activityId === activityId && t.status === 'open')!;
    return s.t.http.post(`/api/tasks/${task.id}/complete`).send({ variables });
  };

  it('lists the active holders of a role (by role or group) for the picker', async () => {
    const agent = await s.t.as('ag.chen', ['agent']);
    const list = (await agent.get('/api/people').query({ role: 'technician' }).expect(200)).body;
    expect(list.map((p: { username: string }) => p.username)).toEqual(['ext.wu', 'li.wei']);
    expect((await agent.get('/api/people').query({ role: 'technician', search: 'wei' }).expect(200)).body).toEqual([{ username: 'li.wei', displayName: null }]);
    await agent.get('/api/people').query({ role: 'no such role!' }).expect(400);
  });

  it('the Dispatch form takes only an active technician, and the named technician gets the technician tasks', async () => {
    // given a request at the Dispatch task
    const { id } = await s.start('service-request', REQUEST);
    await s.complete(id, 'Task_RecordRequest');
    await s.complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
    // when free text, an agent or a deactivated technician is named: refused with the field
    for (const name of ['Mr. Li from the van', 'ag.chen', 'zhao.gone']) {
      const res = await complete(id, 'Task_Dispatch', { technician: name });
      expect([res.status, res.body.details?.[0]?.field]).toEqual([400, 'technician']);
    }
    // when an active technician is named
    await complete(id, 'Task_Dispatch', { technician: 'li.wei' }).then((r) => expect(r.status).toBe(200));
    await s.complete(id, 'Task_AgreeAppointment');
    // then the diagnosis is theirs
    const view = await s.instance(id);
    const diagnose = view.tasks.find((t) => t.activityId === 'Task_Diagnose')!;
    expect((await s.t.http.get(`/api/tasks/${diagnose.id}`).expect(200)).body).toMatchObject({ assignee: 'li.wei' });
  });

  it('the complaint handler must be an active agent, and the L1 task is assigned to them', async () => {
    const { id } = await s.start('complaint-escalation', COMPLAINT);
    expect((await complete(id, 'Task_RegisterComplaint', { category: 'service', urgent: true, handler: 'li.wei' })).status).toBe(400);
    expect((await complete(id, 'Task_RegisterComplaint', { category: 'service', urgent: true, handler: 'ag.chen' })).status).toBe(200);
    const l1 = (await s.instance(id)).tasks.find((t) => t.activityId === 'Task_HandleL1')!;
    expect((await s.t.http.get(`/api/tasks/${l1.id}`).expect(200)).body).toMatchObject({ assignee: 'ag.chen' });
  });

  it('an escalation is reassigned only to an active holder of its level\'s role', async () => {
    const { id } = await s.start('complaint-escalation', COMPLAINT);
    await s.complete(id, 'Task_RegisterComplaint', { category: 'service', urgent: true });
    await s.advance(15 * MINUTE);
    const [record] = (await s.t.http.get(`/api/escalations?processInstanceId=${id}`).expect(200)).body.items;
    const refused = await s.t.http.post(`/api/escalations/${record.id}/reassign`).send({ assignee: 'ag.chen' }).expect(400);
    expect(refused.body.message).toContain('"ag.chen" is not an active user with the role supervisor');
    await s.t.http.post(`/api/escalations/${record.id}/reassign`).send({ assignee: 'sup.zhao' }).expect(200);
  });
});
