// Candidate groups are data: admins create groups and put users in them; tasks of a group reach its members,
// a diagram naming a group that does not exist yet deploys with a warning.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

const managementTask = bpmn(
  `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Approve" />
  <bpmn:userTask id="Task_Approve" name="Approve" camunda:candidateGroups="management" />
  <bpmn:sequenceFlow id="F2" sourceRef="Task_Approve" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
  { id: 'management-approval' },
);

describe('groups API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the built-in roles as the default groups', async () => {
    const res = await t.http.get('/api/groups').expect(200);
    expect(res.body.map((g: { id: string; builtIn: boolean }) => [g.id, g.builtIn])).toEqual([
      ['agent', true],
      ['manager', true],
      ['supervisor', true],
      ['technician', true],
    ]);
  });

  it('deploys a task for a group that does not exist yet with a warning, and its members see the task once it does', async () => {
    // given: the group does not exist
    const deployed = await t.http.post('/api/definitions').send({ xml: managementTask }).expect(201);
    expect(deployed.body.warnings).toEqual(expect.arrayContaining([{ elementId: 'Task_Approve', message: expect.stringMatching(/candidate group "management" does not exist yet/) }]));
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'management-approval' }).expect(201);
    const member = await t.as('zhou.min', ['agent']);
    const outsider = await t.as('sun.li', ['agent']);
    const visible = async (who: typeof member) => (await who.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.total;
    expect(await visible(member)).toBe(0);
    // when: an admin creates it and adds a member
    const created = await t.http.post('/api/groups').send({ id: 'management', name: 'Management' }).expect(201);
    expect(created.body).toMatchObject({ id: 'management', name: 'Management', builtIn: false, members: [] });
    const added = await t.http.put('/api/groups/management/members/zhou.min').expect(200);
    expect(added.body.members).toEqual(['zhou.min']);
    // then: the member sees and completes the task, the outsider does not see it
    expect(await visible(member)).toBe(1);
    expect(await visible(outsider)).toBe(0);
    const [task] = (await member.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.items;
    await outsider.post(`/api/tasks/${task.id}/complete`).send({}).expect(404);
    await member.post(`/api/tasks/${task.id}/complete`).send({}).expect(200);
    // and a redeploy no longer warns
    const again = await t.http.post('/api/definitions').send({ xml: managementTask.replace('name="Approve"', 'name="Approve it"') }).expect(201);
    expect(JSON.stringify(again.body.warnings)).not.toMatch(/does not exist/);
  });

  it('removes members and deletes groups, but never a built-in role', async () => {
    await t.http.post('/api/groups').send({ id: 'night-shift' }).expect(201);
    await t.as('qian.bo', ['technician']);
    await t.http.put('/api/groups/night-shift/members/qian.bo').expect(200);
    expect((await t.http.delete('/api/groups/night-shift/members/qian.bo').expect(200)).body.members).toEqual([]);
    await t.http.delete('/api/groups/night-shift/members/qian.bo').expect(404);
    await t.http.delete('/api/groups/night-shift').expect(204);
    await t.http.delete('/api/groups/night-shift').expect(404);
    expect((await t.http.delete('/api/groups/agent').expect(409)).body.message).toMatch(/built-in role/);
  });

  it('validates input: id format, duplicates, unknown users and groups', async () => {
    expect(JSON.stringify((await t.http.post('/api/groups').send({ id: 'no spaces' }).expect(400)).body.message)).toMatch(/id must be/);
    await t.http.post('/api/groups').send({}).expect(400);
    await t.http.post('/api/groups').send({ id: 'x', extra: true }).expect(400);
    await t.http.post('/api/groups').send({ id: 'finance' }).expect(201);
    await t.http.post('/api/groups').send({ id: 'finance' }).expect(409);
    await t.http.put('/api/groups/finance/members/nobody').expect(404);
    await t.http.put('/api/groups/nope/members/admin').expect(404);
  });
});
