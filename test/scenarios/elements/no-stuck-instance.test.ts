// "No stuck instance": every element kind that waits is backed after every command (a command that would leave a
// token unbacked fails and rolls back), and the admin endpoint lists instances that violate it.
import { DataSource } from 'typeorm';
import { ServiceRegistry } from '../../../src/engine/service-registry';
import { bpmn } from '../../support/bpmn';
import { HOUR, Scenario } from '../../support/scenario';

const MESSAGES = '<bpmn:message id="Msg_Ack" name="ack" /><bpmn:message id="Msg_Paid" name="paid" />';
const branch = (n: number, body: string, first: string, last: string) =>
  `<bpmn:sequenceFlow id="Out${n}" sourceRef="Split" targetRef="${first}" />${body}<bpmn:sequenceFlow id="In${n}" sourceRef="${last}" targetRef="Join" />`;

/** One branch per waiting element kind, joined at the end. */
const kitchenSink = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Split" />
  <bpmn:parallelGateway id="Split" name="Split" />
  ${branch(1, `<bpmn:subProcess id="Sub" name="Sub"><bpmn:startEvent id="SubStart" name="s" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="SubTask" /><bpmn:userTask id="SubTask" name="Sub task" camunda:candidateGroups="agent" /><bpmn:sequenceFlow id="S2" sourceRef="SubTask" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" name="e" /></bpmn:subProcess>`, 'Sub', 'Sub')}
  ${branch(2, `<bpmn:userTask id="Multi" name="Multi" camunda:candidateGroups="agent"><bpmn:multiInstanceLoopCharacteristics camunda:collection="items" camunda:elementVariable="item" /></bpmn:userTask>`, 'Multi', 'Multi')}
  ${branch(3, `<bpmn:receiveTask id="Receive" name="Receive" messageRef="Msg_Ack" />`, 'Receive', 'Receive')}
  ${branch(4, `<bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`, 'Wait', 'Wait')}
  ${branch(
    5,
    `<bpmn:eventBasedGateway id="Race" name="Race" /><bpmn:sequenceFlow id="R1" sourceRef="Race" targetRef="Paid" /><bpmn:sequenceFlow id="R2" sourceRef="Race" targetRef="Late" />
    <bpmn:intermediateCatchEvent id="Paid" name="Paid"><bpmn:messageEventDefinition messageRef="Msg_Paid" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Late" name="Late"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="R3" sourceRef="Paid" targetRef="Merge" /><bpmn:sequenceFlow id="R4" sourceRef="Late" targetRef="Merge" /><bpmn:exclusiveGateway id="Merge" name="Merge" />`,
    'Race',
    'Merge',
  )}
  ${branch(6, `<bpmn:callActivity id="Call" name="Call" calledElement="stuck-child" />`, 'Call', 'Call')}
  ${branch(7, `<bpmn:serviceTask id="Flaky" name="Flaky" camunda:type="external" camunda:topic="stuckFlaky" /><bpmn:userTask id="Guarded" name="Guarded" camunda:candidateGroups="agent" /><bpmn:boundaryEvent id="Expire" name="Expire" attachedToRef="Guarded"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="G1" sourceRef="Flaky" targetRef="Guarded" /><bpmn:sequenceFlow id="G2" sourceRef="Expire" targetRef="ExpEnd" /><bpmn:endEvent id="ExpEnd" name="x" />`, 'Flaky', 'Guarded')}
  <bpmn:parallelGateway id="Join" name="Join" /><bpmn:sequenceFlow id="F9" sourceRef="Join" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'stuck-sink', messages: MESSAGES },
);

const stuckChild = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="ChildTask" />
  <bpmn:userTask id="ChildTask" name="Child task" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F2" sourceRef="ChildTask" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'stuck-child' },
);

describe('no stuck instance', () => {
  const s = new Scenario();
  let failing = true;
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  const stuck = async () => (await s.t.http.get('/api/admin/stuck-instances').expect(200)).body;
  const openTask = async (id: string, activityId: string) => (await s.t.http.get(`/api/tasks?processInstanceId=${id}&status=open`).expect(200)).body.items.find((t: any) => t.activityId === activityId);

  beforeAll(async () => {
    await s.setUp();
    s.t.app.get(ServiceRegistry).register('stuckFlaky', 'fails until told otherwise', () => {
      if (failing) throw new Error('down');
    });
    await deploy(stuckChild);
    await deploy(kitchenSink);
  });
  afterAll(() => s.tearDown());

  it('drives every waiting element kind to the end with every token backed after every command', async () => {
    // given an instance waiting in every kind of element at once
    const started = await s.start('stuck-sink', { items: ['a', 'b'] }, 'SINK-1');
    expect(started.activeActivityIds).toEqual(expect.arrayContaining(['Sub', 'SubTask', 'Multi', 'Receive', 'Wait', 'Race', 'Paid', 'Late', 'Call', 'Flaky']));
    expect((await stuck()).items).toEqual([]);
    // when each branch is moved on, one command at a time
    const child = (await s.instance(started.id)) as any;
    await s.complete(child.childInstances[0].id, 'ChildTask');
    await s.advance(0);
    await s.complete(started.id, 'SubTask');
    for (;;) {
      const t = await openTask(started.id, 'Multi');
      if (!t) break;
      await s.t.http.post(`/api/tasks/${t.id}/complete`).send({ variables: {} }).expect(200);
    }
    await s.message('ack', 'SINK-1');
    expect((await stuck()).items).toEqual([]);
    await s.advance(HOUR);
    await s.message('paid', 'SINK-1');
    failing = false;
    const incident = (await s.t.http.get(`/api/incidents?processInstanceId=${started.id}`).expect(200)).body.items[0];
    await s.t.http.post(`/api/incidents/${incident.id}/retry`).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await stuck()).items).toEqual([]);
    const done = await s.complete(started.id, 'Guarded');
    // then
    expect(done.status).toBe('completed');
  });

  it('the admin endpoint lists an instance whose task row was lost, naming the element and why', async () => {
    // given an instance whose timer row was lost (as data written by an older version could be)
    const started = await s.start('stuck-child', {});
    await s.t.app.get(DataSource).query(`UPDATE tasks SET status = 'cancelled' WHERE instance_id = $1`, [started.id]);
    // then the admin endpoint lists it, naming the element and why
    const { items } = await stuck();
    expect(items).toEqual([expect.objectContaining({ id: started.id, unbacked: [expect.objectContaining({ activityId: 'ChildTask', reason: expect.stringMatching(/ChildTask \(UserTask\) waits with nothing to move it/) })] })]);
  });

  it('a timer whose row is gone makes the next command fail with the element named, and the command is rolled back', async () => {
    // given the sink waiting on its timer, whose row was lost
    const started = await s.start('stuck-sink', { items: ['a'] }, 'SINK-2');
    await s.t.app.get(DataSource).query(`DELETE FROM timers WHERE instance_id = $1 AND activity_id = 'Wait'`, [started.id]);
    // when a person completes a task on another branch
    const task = await openTask(started.id, 'SubTask');
    const res = await s.t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: {} });
    // then
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/Wait \(IntermediateCatchEvent\) waits with nothing to move it/);
    expect(res.body.details).toEqual([expect.objectContaining({ elementId: 'Wait' })]);
    expect((await openTask(started.id, 'SubTask'))?.id).toBe(task.id);
  });
});
