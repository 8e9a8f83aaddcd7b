// A task completion (and a claim) answers from the row its update returned and the instance in hand, not from reads after the command:
// the answer must equal what a fresh read of the task shows (SLA due time and clocks included, which the command changes).
import { FakeClock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../support/app';
import { fillForm } from '../support/scenario';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('the answer of a task completion', () => {
  const clock = new FakeClock('2026-03-02T01:00:00Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t.close();
  });

  it('equals a fresh read of the completed task, over HTTP, for a claimed task whose request runs SLA clocks', async () => {
    // given a service request whose first task was claimed, an hour into its SLA clocks
    const instance = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'ANSWER-1', variables: SERVICE_REQUEST_START }).expect(201)).body;
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: instance.id, status: 'open' }).expect(200)).body.items;
    expect(task.sla.length).toBeGreaterThan(0); // the check below covers clocks
    expect(task.slaDueAt).not.toBeNull();
    const claimed = (await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'admin' }).expect(200)).body;
    expect(claimed).toEqual((await t.http.get(`/api/tasks/${task.id}`).expect(200)).body); // the claim answers from its row too
    expect(claimed.assignee).toBe('admin');
    clock.advance(3600_000);
    // when it is completed
    const answer = (await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form) }).expect(200)).body;
    // then the answer is the task as stored after the command, with its instance's new position
    const { processInstance, ...completed } = answer;
    const fresh = (await t.http.get(`/api/tasks/${task.id}`).expect(200)).body;
    expect(completed).toEqual(fresh);
    expect(completed).toMatchObject({ status: 'completed', assignee: 'admin', businessKey: 'ANSWER-1', definitionKey: 'service-request', submitted: expect.any(Object) });
    expect(completed.sla.length).toBeGreaterThan(0);
    const after = (await t.http.get(`/api/process-instances/${instance.id}`).expect(200)).body;
    expect(processInstance).toEqual({ id: instance.id, status: after.status, activeActivityIds: after.activeActivityIds });
  });

  it('still refuses, with the reason, a task claimed by someone else and one already completed', async () => {
    // given a task claimed by another user
    const instance = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'ANSWER-2', variables: SERVICE_REQUEST_START }).expect(201)).body;
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: instance.id, status: 'open' }).expect(200)).body.items;
    const agent = await t.as('li-answer', ['agent']);
    await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'admin' }).expect(200);
    // when someone else completes it, then the holder is named
    const held = await agent.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form) }).expect(409);
    expect(held.body.message).toContain('claimed by admin');
    // and a second completion is refused as completed
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form) }).expect(200);
    expect((await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form) }).expect(409)).body.message).toContain('is completed');
  });
});
