// Instance migration end to end on PostgreSQL: 100 instances of version 1 dry-run and migrated to version 2.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

const task = (id: string, name: string, timer = '') =>
  `<bpmn:userTask id="${id}" name="${name}" camunda:candidateGroups="agent" />${timer}`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** v1: Start → Task_A (1-day timer boundary) → Task_B → End. */
const v1 = bpmn(
  `<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Task_A')}
  ${task('Task_A', 'Check A')}
  <bpmn:boundaryEvent id="Timer_A" attachedToRef="Task_A" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  ${flow('F_T', 'Timer_A', 'End_T')}<bpmn:endEvent id="End_T" />
  ${flow('F2', 'Task_A', 'Task_B')}${task('Task_B', 'Old step B')}${flow('F3', 'Task_B', 'End')}<bpmn:endEvent id="End" />`,
  { id: 'migrating' },
);
/** v2: Task_A renamed, Task_B gone, Task_C and Task_D new: Start → Task_A → Task_C → Task_D → End. */
const v2 = bpmn(
  `<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Task_A')}
  ${task('Task_A', 'Check A (v2)')}
  <bpmn:boundaryEvent id="Timer_A" attachedToRef="Task_A" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  ${flow('F_T', 'Timer_A', 'End_T')}<bpmn:endEvent id="End_T" />
  ${flow('F2', 'Task_A', 'Task_C')}${task('Task_C', 'New step C')}${flow('F3', 'Task_C', 'Task_D')}${task('Task_D', 'New step D')}${flow('F4', 'Task_D', 'End')}<bpmn:endEvent id="End" />`,
  { id: 'migrating' },
);

type Task = { id: string; activityId: string; name: string };

describe('instance migration', () => {
  let t: TestApp;
  let source: string;
  let target: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    source = (await t.http.post('/api/definitions').send({ xml: v1 }).expect(201)).body.id;
    for (let i = 0; i < 100; i++) ids.push((await t.http.post('/api/process-instances').send({ definitionKey: 'migrating', businessKey: `MIG-${i}` }).expect(201)).body.id);
    target = (await t.http.post('/api/definitions').send({ xml: v2 }).expect(201)).body.id;
  }, 180_000);
  afterAll(() => t?.close());

  const openTasks = async (id: string): Promise<Task[]> => (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
  const complete = async (id: string, activityId: string) => {
    const [open] = await openTasks(id);
    expect(open.activityId).toBe(activityId);
    await t.http.post(`/api/tasks/${open.id}/complete`).send({ variables: {} }).expect(200);
  };
  const instance = async (id: string) => (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;

  it('generates a plan where same ids map themselves and a removed activity has no instruction', async () => {
    const plan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: source, targetProcessDefinitionId: target }).expect(200)).body;
    const sources = plan.instructions.map((i: { sourceActivityIds: string[] }) => i.sourceActivityIds[0]).sort();
    expect(sources).toEqual(['End', 'End_T', 'Start', 'Task_A', 'Timer_A']);
    expect(plan.instructions).toContainEqual({ sourceActivityIds: ['Task_A'], targetActivityIds: ['Task_A'] });
  });

  it('refuses a plan mapping to a missing or different-typed element with 400 and the reason', async () => {
    const instructions = [{ sourceActivityIds: ['Task_B'], targetActivityIds: ['Task_X'] }, { sourceActivityIds: ['Task_A'], targetActivityIds: ['End'] }];
    const res = await t.http.post('/api/migration/validate').send({ migrationPlan: { sourceProcessDefinitionId: source, targetProcessDefinitionId: target, instructions }, processInstanceIds: [ids[0]] }).expect(400);
    expect(res.body.message).toMatch(/Task_X .*does not exist in the target version/);
    expect(res.body.message).toMatch(/Task_A \(UserTask\) cannot become End \(EndEvent\)/);
  });

  it('dry-runs, migrates 99 instances to version 2 and leaves the one that cannot move untouched', async () => {
    // given: one instance has moved on to Task_B, which version 2 no longer has
    const stuck = ids[7];
    await complete(stuck, 'Task_A');
    const [taskB] = await openTasks(stuck);
    const before = await Promise.all(ids.slice(0, 3).map(openTasks));
    const plan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: source, targetProcessDefinitionId: target }).expect(200)).body;

    // when: the dry run
    const dry = (await t.http.post('/api/migration/validate').send({ migrationPlan: plan, processInstanceIds: ids }).expect(200)).body.instanceReports;
    // then: it names the one and why, and changes nothing
    expect(dry.filter((r: { ok: boolean }) => !r.ok)).toEqual([{ processInstanceId: stuck, ok: false, failures: [expect.stringMatching(/active activity Task_B has no migration instruction/)] }]);
    expect((await instance(ids[0])).definitionVersion).toBe(1);

    // when: executed for all 100
    const run = (await t.http.post('/api/migration/execute').send({ migrationPlan: plan, processInstanceIds: ids }).expect(200)).body.instanceReports;
    // then
    expect(run.filter((r: { ok: boolean }) => r.ok)).toHaveLength(99);
    expect(run.find((r: { processInstanceId: string }) => r.processInstanceId === stuck)).toMatchObject({ ok: false, failures: [expect.stringMatching(/Task_B/)] });
    const left = await instance(stuck);
    expect(left).toMatchObject({ definitionVersion: 1, activeActivityIds: ['Task_B'] });
    expect(await openTasks(stuck)).toEqual([expect.objectContaining({ id: taskB.id, activityId: 'Task_B' })]);
    expect(left.history.map((h: { type: string }) => h.type)).not.toContain('instance.migrated');

    // the migrated ones: on version 2, same task ids with the new name, the timer still armed, history and audit written
    const moved = await instance(ids[0]);
    expect(moved).toMatchObject({ definitionVersion: 2, status: 'active' });
    expect(moved.history.map((h: { type: string }) => h.type)).toContain('instance.migrated');
    expect(moved.timers).toHaveLength(1);
    const after = await Promise.all(ids.slice(0, 3).map(openTasks));
    expect(after.map((tasks) => tasks.map((x) => x.id))).toEqual(before.map((tasks) => tasks.map((x) => x.id)));
    expect(after[0][0]).toMatchObject({ activityId: 'Task_A', name: 'Check A (v2)' });
    const audit = (await t.http.get('/api/audit').query({ action: 'instance.migrated', limit: 200 }).expect(200)).body;
    expect(audit.items.filter((a: { targetId: string }) => ids.includes(a.targetId))).toHaveLength(99);

    // and they continue on version 2: Task_A → Task_C → Task_D → end
    await complete(ids[0], 'Task_A');
    await complete(ids[0], 'Task_C');
    await complete(ids[0], 'Task_D');
    expect(await instance(ids[0])).toMatchObject({ status: 'completed', endActivityId: 'End', definitionVersion: 2 });
  }, 240_000);

  it('migrates the left-over instance with a hand-made instruction, keeping its task id', async () => {
    const stuck = ids[7];
    const [taskB] = await openTasks(stuck);
    const plan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: source, targetProcessDefinitionId: target }).expect(200)).body;
    plan.instructions.push({ sourceActivityIds: ['Task_B'], targetActivityIds: ['Task_C'] });
    const run = (await t.http.post('/api/migration/execute').send({ migrationPlan: plan, processInstanceIds: [stuck] }).expect(200)).body.instanceReports;
    expect(run).toEqual([{ processInstanceId: stuck, ok: true, failures: [] }]);
    expect(await openTasks(stuck)).toEqual([expect.objectContaining({ id: taskB.id, activityId: 'Task_C', name: 'New step C' })]);
    await complete(stuck, 'Task_C');
    await complete(stuck, 'Task_D');
    expect(await instance(stuck)).toMatchObject({ status: 'completed', endActivityId: 'End', definitionVersion: 2 });
  }, 60_000);

  it('migrates in the background as a batch: every active instance of version 2 (a filter), progress by GET', async () => {
    // given: three more instances, which start on the latest version (2)
    const more: string[] = [];
    for (let i = 0; i < 3; i++) more.push((await t.http.post('/api/process-instances').send({ definitionKey: 'migrating' }).expect(201)).body.id);
    expect((await instance(more[0])).definitionVersion).toBe(2); // new instances start on the latest version
    // when: every active instance of version 2 goes back to version 1 (both have Task_A, where they all wait)
    const plan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: target, targetProcessDefinitionId: source }).expect(200)).body;
    // (Camunda's executeAsync: a migrate batch over every active instance of the source version)
    const res = await t.http.post('/api/migration/executeAsync').send({ migrationPlan: plan, processInstanceQuery: {} }).expect(202);
    expect(res.body).toMatchObject({ type: 'migrate', total: 101 });
    let view: any;
    for (let i = 0; i < 300; i++) {
      view = (await t.http.get(`/api/batches/${res.body.id}`).expect(200)).body;
      if (view.progress.pending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // then: the three new ones and the 98 migrated-and-still-active ones move back; none fail (all wait in Task_A)
    expect(view.progress.failed).toBe(0);
    expect(view.items.map((x: { targetId: string }) => x.targetId)).toEqual(expect.arrayContaining(more));
    for (const id of more) expect(await instance(id)).toMatchObject({ definitionVersion: 1, activeActivityIds: expect.arrayContaining(['Task_A', 'Timer_A']) });
    expect((await openTasks(more[0]))[0]).toMatchObject({ name: 'Check A' });
  }, 120_000);

  it('carries a message subscription to a renamed catch event: the message still reaches the instance', async () => {
    // given: v1 waits in Catch_Old for "ping"; v2 calls it Catch_New and adds a task after it
    const msg = '<bpmn:message id="Msg_Ping" name="mig-ping" />';
    const catchEvent = (id: string) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="Msg_Ping" /></bpmn:intermediateCatchEvent>`;
    const m1 = bpmn(`<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Catch_Old')}${catchEvent('Catch_Old')}${flow('F2', 'Catch_Old', 'End')}<bpmn:endEvent id="End" />`, { id: 'mig-msg', messages: msg });
    const m2 = bpmn(`<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Catch_New')}${catchEvent('Catch_New')}${flow('F2', 'Catch_New', 'Task_After')}${task('Task_After', 'After ping')}${flow('F3', 'Task_After', 'End')}<bpmn:endEvent id="End" />`, { id: 'mig-msg', messages: msg });
    const from = (await t.http.post('/api/definitions').send({ xml: m1 }).expect(201)).body.id;
    const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'mig-msg', businessKey: 'PING-MIG' }).expect(201)).body.id;
    const to = (await t.http.post('/api/definitions').send({ xml: m2 }).expect(201)).body.id;
    const plan = (await t.http.post('/api/migration/generate').send({ sourceProcessDefinitionId: from, targetProcessDefinitionId: to }).expect(200)).body;
    plan.instructions.push({ sourceActivityIds: ['Catch_Old'], targetActivityIds: ['Catch_New'] });
    // when
    expect((await t.http.post('/api/migration/execute').send({ migrationPlan: plan, processInstanceIds: [id] }).expect(200)).body.instanceReports[0]).toEqual({ processInstanceId: id, ok: true, failures: [] });
    // then: it waits in Catch_New, and the message moves it on to v2's Task_After
    expect(await instance(id)).toMatchObject({ definitionVersion: 2, activeActivityIds: ['Catch_New'] });
    await t.http.post('/api/messages').send({ messageName: 'mig-ping', businessKey: 'PING-MIG' }).expect(200);
    expect(await openTasks(id)).toEqual([expect.objectContaining({ activityId: 'Task_After' })]);
  }, 60_000);
});
