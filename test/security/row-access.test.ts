// Beyond the matrix: agents and technicians see and work only the tasks of their roles, claim only for themselves,
// read keys never work tasks, the live stream serves only the caller's own roles, and the audit log names who acted.
import { simpleTaskProcess } from '../support/bpmn';
import { SseClient } from '../support/sse-client';
import { listenLocally } from '../support/replica';
import { startTestApp, type TestApp } from '../support/app';

describe('row-level access and audit', () => {
  let t: TestApp;
  let agentTaskId: string;
  let technicianTaskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('agent-work') }).expect(201);
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('tech-work').replace('camunda:candidateGroups="agent"', 'camunda:candidateGroups="technician"') }).expect(201);
    const a = await t.http.post('/api/process-instances').send({ definitionKey: 'agent-work' }).expect(201);
    const b = await t.http.post('/api/process-instances').send({ definitionKey: 'tech-work' }).expect(201);
    agentTaskId = (await t.http.get('/api/tasks').query({ processInstanceId: a.body.id }).expect(200)).body.items[0].id;
    technicianTaskId = (await t.http.get('/api/tasks').query({ processInstanceId: b.body.id }).expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  it('shows agents only the tasks of their roles, and answers 404 for the others', async () => {
    // given
    const agent = await t.as('li.na', ['agent']);
    // when
    const list = await agent.get('/api/tasks').query({ status: 'open' }).expect(200);
    // then
    const ids = list.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(agentTaskId);
    expect(ids).not.toContain(technicianTaskId);
    await agent.get(`/api/tasks/${technicianTaskId}`).expect(404);
    await agent.post(`/api/tasks/${technicianTaskId}/complete`).send({ variables: { done: true } }).expect(404);
    // a supervisor sees both
    const supervisor = await t.as('zhang.wei', ['supervisor']);
    const all = (await supervisor.get('/api/tasks').query({ status: 'open' }).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(all).toEqual(expect.arrayContaining([agentTaskId, technicianTaskId]));
  });

  it('lets people claim for themselves only; leads may assign; read keys never work tasks', async () => {
    const agent = await t.as('li.na', ['agent']);
    const denied = await agent.post(`/api/tasks/${agentTaskId}/claim`).send({ assignee: 'someone.else' }).expect(403);
    expect(denied.body.message).toMatch(/for yourself only/);
    await agent.post(`/api/tasks/${agentTaskId}/claim`).send({ assignee: 'li.na' }).expect(200);
    const key = await t.apiKey(['read']);
    await t.anon.get('/api/tasks').set('X-API-Key', key).expect(200);
    await t.anon.post(`/api/tasks/${technicianTaskId}/claim`).set('X-API-Key', key).send({ assignee: 'crm' }).expect(403);
    const supervisor = await t.as('zhang.wei', ['supervisor']);
    await supervisor.post(`/api/tasks/${technicianTaskId}/claim`).send({ assignee: 'wang.tech' }).expect(200);
  });

  it('serves the live stream only for the caller’s own roles', async () => {
    const base = await listenLocally(t.app);
    const agent = await t.as('li.na', ['agent']);
    const own = await SseClient.open(`${base}/api/events?roles=agent`, { authorization: `Bearer ${agent.token}` });
    expect(own.status).toBe(200);
    own.close();
    const foreign = await SseClient.open(`${base}/api/events?roles=supervisor`, { authorization: `Bearer ${agent.token}` });
    expect(foreign.status).toBe(403);
    foreign.close();
    const anonymous = await SseClient.open(`${base}/api/events`);
    expect(anonymous.status).toBe(401);
    anonymous.close();
  });

  it('records who deployed, claimed and completed in the audit log', async () => {
    // given
    const analyst = await t.as('an.alyst', ['analyst']);
    await analyst.post('/api/definitions').send({ xml: simpleTaskProcess('audited') }).expect(201);
    const agent = await t.as('li.na', ['agent']);
    await agent.post(`/api/tasks/${agentTaskId}/complete`).send({ variables: { done: true } }).expect(200);
    // when
    const log = (await t.http.get('/api/audit').query({ limit: 200 }).expect(200)).body.items as { actor: string; action: string; targetId: string }[];
    // then
    expect(log).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'user:an.alyst', action: 'definition.deployed' }),
      expect.objectContaining({ actor: 'user:li.na', action: 'task.claimed', targetId: agentTaskId }),
      expect.objectContaining({ actor: 'user:li.na', action: 'task.completed', targetId: agentTaskId }),
      expect.objectContaining({ actor: 'user:zhang.wei', action: 'task.claimed', targetId: technicianTaskId }),
    ]));
  });
});
