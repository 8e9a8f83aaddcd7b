// Claims and the view rule (issue 14, rows 5 and 8): a claimed task is completed by its claimer, or by a supervisor or
// manager (audited); and the rule that hides a task from a caller also hides it in the instance detail.
import { simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

describe('task ownership and visibility', () => {
  let t: TestApp;
  const openTask = async (definitionKey: string) => {
    const started = await t.http.post('/api/process-instances').send({ definitionKey }).expect(201);
    const task = (await t.http.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.items[0];
    return { instanceId: started.body.id as string, taskId: task.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('agent-work') }).expect(201);
  });
  afterAll(() => t.close());

  it('lets only the claimer complete a claimed task; another agent hears who holds it', async () => {
    // given
    const { taskId } = await openTask('agent-work');
    const first = await t.as('agent.one', ['agent']);
    const second = await t.as('agent.two', ['agent']);
    await first.post(`/api/tasks/${taskId}/claim`).send({ assignee: 'agent.one' }).expect(200);
    // when
    const refused = await second.post(`/api/tasks/${taskId}/complete`).send({ variables: { done: true } }).expect(409);
    // then
    expect(refused.body.message).toMatch(/claimed by agent\.one/);
    expect((await t.http.get(`/api/tasks/${taskId}`).expect(200)).body.status).toBe('open');
    await first.post(`/api/tasks/${taskId}/complete`).send({ variables: { done: true } }).expect(200);
  });

  it('lets a supervisor complete a task someone else claimed, and audits that', async () => {
    // given
    const { taskId } = await openTask('agent-work');
    const agent = await t.as('agent.one', ['agent']);
    const supervisor = await t.as('sup.wang', ['supervisor']);
    await agent.post(`/api/tasks/${taskId}/claim`).send({ assignee: 'agent.one' }).expect(200);
    // when
    await supervisor.post(`/api/tasks/${taskId}/complete`).send({ variables: { done: true } }).expect(200);
    // then
    const log = (await t.http.get('/api/audit').query({ targetId: taskId, action: 'task.completed' }).expect(200)).body.items;
    expect(log).toEqual([expect.objectContaining({ actor: 'user:sup.wang', detail: expect.objectContaining({ claimedBy: 'agent.one', override: true }) })]);
  });

  it('leaves tasks a caller may not see, with their forms and values, out of the instance detail', async () => {
    // given an agent task, completed with a value, and one still open
    const done = await openTask('agent-work');
    await t.http.post(`/api/tasks/${done.taskId}/complete`).send({ variables: { done: true } }).expect(200);
    const technician = await t.as('tech.zhao', ['technician']);
    const agent = await t.as('agent.one', ['agent']);
    const open = await openTask('agent-work');
    await technician.get(`/api/tasks/${open.taskId}`).expect(404);
    // when
    const seenByTechnician = (await technician.get(`/api/process-instances/${done.instanceId}`).expect(200)).body;
    const seenByAgent = (await agent.get(`/api/process-instances/${done.instanceId}`).expect(200)).body;
    // then
    expect(seenByTechnician.tasks).toEqual([]);
    expect(JSON.stringify(seenByTechnician.history)).not.toContain('"done"');
    expect((await technician.get(`/api/process-instances/${open.instanceId}`).expect(200)).body.tasks).toEqual([]);
    expect(seenByAgent.tasks).toEqual([expect.objectContaining({ id: done.taskId, submitted: { done: true } })]);
    expect(JSON.stringify(seenByAgent.history)).toContain('"done"');
  });
});
