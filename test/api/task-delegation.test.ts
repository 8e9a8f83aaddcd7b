// Camunda's delegation (issue 17): a delegated task is worked by the delegate, who resolves it back to its owner; only
// the owner then completes it. Completing a task whose delegation is pending is refused, as Camunda 7 refuses it.
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('task delegation', () => {
  let t: TestApp;
  const COMPLETION = { variables: { requirementUnderstood: true } };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets the delegate resolve, not complete; the owner completes after the resolution', async () => {
    // given a task the owner delegated to a colleague
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-DLG-1', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    const task = (await t.http.get('/api/tasks').query({ processInstanceId: id }).expect(200)).body.items[0] as { id: string };
    const owner = await t.as('agent.owner2', ['agent']);
    const helper = await t.as('agent.helper2', ['agent']);
    const lead = await t.as('sup.lead2', ['supervisor']);
    await owner.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'agent.owner2' }).expect(200);
    await owner.post(`/api/tasks/${task.id}/delegate`).send({ userId: 'agent.helper2' }).expect(200);

    // when the delegate (or a lead) tries to complete it
    const refused = await helper.post(`/api/tasks/${task.id}/complete`).send(COMPLETION).expect(409);
    await lead.post(`/api/tasks/${task.id}/complete`).send(COMPLETION).expect(409);
    // then it stays open and the answer says what to do
    expect(refused.body.message).toMatch(/delegated to agent\.helper2.*resolve/);
    expect((await t.http.get(`/api/tasks/${task.id}`).expect(200)).body).toMatchObject({ status: 'open', delegationState: 'pending' });

    // when the delegate resolves it, it is the owner's again: the delegate may no longer complete it, the owner may
    await helper.post(`/api/tasks/${task.id}/resolve`).expect(200);
    await helper.post(`/api/tasks/${task.id}/complete`).send(COMPLETION).expect(409);
    const done = (await owner.post(`/api/tasks/${task.id}/complete`).send(COMPLETION).expect(200)).body;
    expect(done).toMatchObject({ status: 'completed', assignee: 'agent.owner2', owner: 'agent.owner2', delegationState: 'resolved' });
  });
});
