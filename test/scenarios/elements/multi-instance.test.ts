// Scenario: multi-instance user tasks (parallel and sequential; collection + element variable, cardinality,
// completion condition) create one task per iteration and continue when the loop completes.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const review = (id: string, loop: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:userTask id="Review" name="Review" camunda:candidateGroups="technician">${loop}</bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Close" />
    <bpmn:userTask id="Close" name="Close" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F3" sourceRef="Close" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
    { id },
  );

describe('multi-instance user tasks', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());

  const deploy = (xml: string) => s.t.http.post('/api/definitions').send({ xml }).expect(201);
  const openTasks = async (id: string) => (await s.t.http.get(`/api/tasks?processInstanceId=${id}&status=open`).expect(200)).body.items;
  const completeTask = (taskId: string) => s.t.http.post(`/api/tasks/${taskId}/complete`).send({ variables: {} }).expect(200);

  it('a parallel task over a three-item collection creates three tasks, each with its element variable', async () => {
    // given
    await deploy(review('mi-parallel', `<bpmn:multiInstanceLoopCharacteristics camunda:collection="\${devices}" camunda:elementVariable="device" />`));
    // when
    const started = await s.start('mi-parallel', { devices: ['printer', 'router', 'laptop'] });
    // then
    const tasks = await openTasks(started.id);
    expect(tasks.map((t: any) => t.activityId)).toEqual(['Review', 'Review', 'Review']);
    expect(tasks.map((t: any) => t.localVariables.device).sort()).toEqual(['laptop', 'printer', 'router']);
    // when all three are completed
    for (const t of tasks) await completeTask(t.id);
    // then the flow continues
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Close']);
  });

  it('a sequential task creates one task at a time, in collection order', async () => {
    // given
    await deploy(review('mi-sequential', `<bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="devices" camunda:elementVariable="device" />`));
    const started = await s.start('mi-sequential', { devices: ['printer', 'router'] });
    // when / then
    const first = await openTasks(started.id);
    expect(first.map((t: any) => t.localVariables.device)).toEqual(['printer']);
    await completeTask(first[0].id);
    const second = await openTasks(started.id);
    expect(second.map((t: any) => t.localVariables.device)).toEqual(['router']);
    await completeTask(second[0].id);
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Close']);
  });

  it('loopCardinality creates that many tasks', async () => {
    // given
    await deploy(review('mi-cardinality', `<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>=copies</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`));
    // when
    const started = await s.start('mi-cardinality', { copies: 2 });
    // then
    expect((await openTasks(started.id)).map((t: any) => t.localVariables.loopCounter).sort()).toEqual([0, 1]);
  });

  it('a completion condition ends the loop early and cancels the remaining tasks', async () => {
    // given two of three reviews suffice
    await deploy(
      review(
        'mi-condition',
        `<bpmn:multiInstanceLoopCharacteristics camunda:collection="\${devices}" camunda:elementVariable="device">
          <bpmn:completionCondition>=nrOfCompletedInstances >= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>`,
      ),
    );
    const started = await s.start('mi-condition', { devices: ['a', 'b', 'c'] });
    const tasks = await openTasks(started.id);
    // when two are done
    await completeTask(tasks[0].id);
    await completeTask(tasks[1].id);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual(['Close']);
    expect(view.tasks.filter((t) => t.activityId === 'Review').map((t) => t.status).sort()).toEqual(['cancelled', 'completed', 'completed']);
  });

  it('a multi-instance subprocess runs its task once per item', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="PerDevice" />
        <bpmn:subProcess id="PerDevice" name="Per device">
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="\${devices}" camunda:elementVariable="device" />
          <bpmn:startEvent id="SubStart" name="Sub start" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Fix" />
          <bpmn:userTask id="Fix" name="Fix" camunda:candidateGroups="technician" />
          <bpmn:sequenceFlow id="S2" sourceRef="Fix" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" name="Sub end" />
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="F2" sourceRef="PerDevice" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'mi-subprocess' },
      ),
    );
    // when
    const started = await s.start('mi-subprocess', { devices: ['printer', 'router'] });
    // then
    const tasks = await openTasks(started.id);
    expect(tasks.map((t: any) => t.localVariables.device).sort()).toEqual(['printer', 'router']);
    for (const t of tasks) await completeTask(t.id);
    expect((await s.instance(started.id)).status).toBe('completed');
  });
});
