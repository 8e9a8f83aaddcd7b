// The tasklist for a real backlog (issue 17, item 1): search by business fields, sort, pages with a total, saved
// filters with counts, unclaim, delegate/resolve (Camunda's semantics) and follow-up dates.
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';
import { seedTaskBacklog } from '../support/task-seed';

describe('tasklist API', () => {
  let t: TestApp;
  const start = async (businessKey: string, variables: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey, variables: { ...SERVICE_REQUEST_START, ...variables } }).expect(201);
    return (await t.http.get('/api/tasks').query({ processInstanceId: res.body.id }).expect(200)).body.items[0] as { id: string; processInstanceId: string };
  };
  const search = async (text: string, extra: Record<string, string> = {}) => (await t.http.get('/api/tasks').query({ status: 'open', search: text, ...extra }).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await seedTaskBacklog(t.databaseUrl, { count: 300 });
  });
  afterAll(() => t.close());

  it('finds a task by the customer phone, serial, device, region, business key, process or task name among 300 others', async () => {
    // given
    const task = await start('SR-FIND-1', { customerContact: '+86 137 1234 5678', serialNumber: 'XQ-88123', customerName: 'Ouyang Xiu', region: 'Songjiang' });
    // when / then
    for (const text of ['1234 5678', 'xq-88123', 'OUYANG', 'songjiang', 'SR-FIND-1', 'ouyang 5678']) {
      const page = await search(text);
      expect({ text, ids: page.items.map((i: { id: string }) => i.id), total: page.total }).toEqual({ text, ids: [task.id], total: 1 });
    }
    expect((await search('record & verify', { limit: '5' })).total).toBe(301);
    expect((await search('service request', { limit: '5' })).total).toBeGreaterThanOrEqual(301);
    expect((await search('100%')).total).toBe(0); // % is a character, not a wildcard
  });

  it('searches the values a worker corrected later, not only the start form', async () => {
    // given
    const task = await start('SR-FIND-2');
    // when the agent corrects the phone number while recording the request
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { customerContact: '+86 136 5555 0101', requirementUnderstood: true } }).expect(200);
    // then the next task of that request is found by the new number
    const page = await search('5555 0101');
    expect(page.items.map((i: { processInstanceId: string }) => i.processInstanceId)).toEqual([task.processInstanceId]);
  });

  it('finds a task by its Chinese name (name.zh-CN of its element), as an agent using 中文 types it', async () => {
    // given
    const task = await start('SR-FIND-ZH');
    // when / then
    expect((await search('核实报修 SR-FIND-ZH')).items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    expect((await search('记录并核实报修', { limit: '5' })).total).toBeGreaterThanOrEqual(1);
    expect((await search('分类与定级 SR-FIND-ZH')).total).toBe(0); // only the name of the task itself
  });

  it('pages with a total, SLA due first by default, then age; other sort keys on request', async () => {
    // when
    const first = (await t.http.get('/api/tasks').query({ status: 'open', limit: 50, offset: 0 }).expect(200)).body;
    const second = (await t.http.get('/api/tasks').query({ status: 'open', limit: 50, offset: 50 }).expect(200)).body;
    // then
    expect(first.total).toBeGreaterThan(300);
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(100);
    const dues = first.items.map((i: { slaDueAt: string | null }) => i.slaDueAt);
    expect(dues.every(Boolean)).toBe(true);
    expect([...dues].sort()).toEqual(dues);
    const newest = (await t.http.get('/api/tasks').query({ status: 'open', sortBy: 'created', sortOrder: 'desc', limit: 5 }).expect(200)).body.items;
    const created = newest.map((i: { createdAt: string }) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    await t.http.get('/api/tasks').query({ sortBy: 'priority; drop table tasks' }).expect(400);
    await t.http.get('/api/tasks').query({ search: 'x'.repeat(101) }).expect(400);
  });

  it('unclaims, delegates to a user of the candidate groups, and resolves back to the owner', async () => {
    // given
    const task = await start('SR-DELEGATE-1');
    const owner = await t.as('agent.owner', ['agent']);
    const helper = await t.as('agent.helper', ['agent']);
    await t.as('tech.outside', ['technician']);
    await owner.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'agent.owner' }).expect(200);
    // when / then
    await helper.post(`/api/tasks/${task.id}/unclaim`).expect(403);
    expect((await owner.get(`/api/tasks/${task.id}/candidates`).expect(200)).body).toEqual(expect.arrayContaining(['agent.owner', 'agent.helper']));
    await owner.post(`/api/tasks/${task.id}/delegate`).send({ userId: 'tech.outside' }).expect(400);
    const delegated = (await owner.post(`/api/tasks/${task.id}/delegate`).send({ userId: 'agent.helper' }).expect(200)).body;
    expect(delegated).toMatchObject({ owner: 'agent.owner', assignee: 'agent.helper', delegationState: 'pending' });
    const resolved = (await helper.post(`/api/tasks/${task.id}/resolve`).expect(200)).body;
    expect(resolved).toMatchObject({ owner: 'agent.owner', assignee: 'agent.owner', delegationState: 'resolved' });
    await owner.post(`/api/tasks/${task.id}/resolve`).expect(409);
    expect((await owner.post(`/api/tasks/${task.id}/unclaim`).expect(200)).body.assignee).toBeNull();
    await owner.post(`/api/tasks/${task.id}/unclaim`).expect(409);
  });

  it('sets and clears a follow-up date, and filters the tasks whose follow-up has come', async () => {
    // given
    const task = await start('SR-FOLLOW-1');
    const later = await start('SR-FOLLOW-2');
    // when
    await t.http.put(`/api/tasks/${task.id}/follow-up`).send({ followUp: new Date(Date.now() - 60_000).toISOString() }).expect(200);
    await t.http.put(`/api/tasks/${later.id}/follow-up`).send({ followUp: new Date(Date.now() + 86_400_000).toISOString() }).expect(200);
    await t.http.put(`/api/tasks/${task.id}/follow-up`).send({ followUp: 'tomorrow' }).expect(400);
    // then
    const due = (await t.http.get('/api/tasks').query({ status: 'open', followUp: 'due' }).expect(200)).body.items;
    expect(due.map((i: { id: string }) => i.id)).toEqual([task.id]);
    expect((await t.http.get('/api/tasks').query({ status: 'open', followUp: 'set' }).expect(200)).body.total).toBe(2);
    await t.http.put(`/api/tasks/${task.id}/follow-up`).send({ followUp: null }).expect(200);
    expect((await t.http.get('/api/tasks').query({ status: 'open', followUp: 'due' }).expect(200)).body.total).toBe(0);
  });

  it('keeps saved filters per user in the database, each with its count', async () => {
    // given
    const agent = await t.as('agent.filters', ['agent']);
    const other = await t.as('agent.other', ['agent']);
    const task = await start('SR-FILTER-1', { region: 'Qingpu' });
    await agent.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'agent.filters' }).expect(200);
    // when
    await agent.post('/api/task-filters').send({ name: 'Mine', criteria: { assignee: '@me' } }).expect(201);
    await agent.post('/api/task-filters').send({ name: 'Qingpu', criteria: { search: 'qingpu' } }).expect(201);
    await agent.post('/api/task-filters').send({ name: 'Mine', criteria: {} }).expect(409);
    await agent.post('/api/task-filters').send({ name: 'Bad', criteria: { sortBy: 'nope' } }).expect(400);
    // then
    const filters = (await agent.get('/api/task-filters').expect(200)).body;
    expect(filters.map((f: { name: string; count: number }) => [f.name, f.count])).toEqual([['Mine', 1], ['Qingpu', 1]]);
    expect((await other.get('/api/task-filters').expect(200)).body).toEqual([]);
    await other.delete(`/api/task-filters/${filters[0].id}`).expect(404);
    await agent.delete(`/api/task-filters/${filters[0].id}`).expect(204);
    expect((await agent.get('/api/task-filters').expect(200)).body).toHaveLength(1);
  });
});
