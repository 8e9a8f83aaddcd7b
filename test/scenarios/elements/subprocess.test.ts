// Scenario: an embedded subprocess runs its own user tasks, timers and message catches, and boundary events on it fire.
import { bpmn } from '../../support/bpmn';
import { HOUR, Scenario } from '../../support/scenario';

const onsite = (inner: string, boundary = '') =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Split" />
    <bpmn:parallelGateway id="Split" name="Split" />
    <bpmn:sequenceFlow id="F2" sourceRef="Split" targetRef="onsite" />
    <bpmn:sequenceFlow id="F3" sourceRef="Split" targetRef="callCustomer" />
    <bpmn:subProcess id="onsite" name="On site">${inner}</bpmn:subProcess>
    <bpmn:userTask id="callCustomer" name="Call customer" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F4" sourceRef="onsite" targetRef="Join" />
    <bpmn:sequenceFlow id="F5" sourceRef="callCustomer" targetRef="Join" />
    <bpmn:parallelGateway id="Join" name="Join" />
    <bpmn:sequenceFlow id="F6" sourceRef="Join" targetRef="End" /><bpmn:endEvent id="End" name="End" />${boundary}`,
    { id: 'onsite-visit', messages: '<bpmn:message id="Msg_Parts" name="partsArrived" />' },
  );

const INSPECT = `<bpmn:startEvent id="SubStart" name="Sub start" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="inspect" />
  <bpmn:userTask id="inspect" name="Inspect" camunda:candidateGroups="technician" />
  <bpmn:sequenceFlow id="S2" sourceRef="inspect" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" name="Sub end" />`;

describe('embedded subprocess', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());

  const deploy = (xml: string) => s.t.http.post('/api/definitions').send({ xml }).expect(201);

  it('a user task inside a subprocess becomes a task; completing both tasks reaches the end', async () => {
    // given
    await deploy(onsite(INSPECT));
    // when
    const started = await s.start('onsite-visit', {});
    // then
    expect(s.openTasks(started).sort()).toEqual(['callCustomer', 'inspect']);
    const inspect = started.tasks.find((t) => t.activityId === 'inspect')!;
    expect(inspect.candidateRoles).toEqual(['technician']);
    // when both are completed
    await s.complete(started.id, 'inspect');
    const done = await s.complete(started.id, 'callCustomer');
    // then
    expect(done.status).toBe('completed');
    expect(done.endActivityId).toBe('End');
  });

  it('a timer and a message catch inside a subprocess are durable rows that move it on', async () => {
    // given a subprocess that waits one hour, then for the parts message
    await deploy(
      onsite(`<bpmn:startEvent id="SubStart" name="Sub start" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Wait" />
      <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="S2" sourceRef="Wait" targetRef="Parts" />
      <bpmn:intermediateCatchEvent id="Parts" name="Parts"><bpmn:messageEventDefinition messageRef="Msg_Parts" /></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="S3" sourceRef="Parts" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" name="Sub end" />`),
    );
    const started = await s.start('onsite-visit', {}, 'SUB-T1');
    expect(started.timers.map((t) => t.activityId)).toEqual(['Wait']);
    // when the hour passes
    await s.advance(HOUR);
    // then the subprocess waits for the message
    const waiting = await s.instance(started.id);
    expect(waiting.timers).toEqual([]);
    expect(waiting.activeActivityIds).toEqual(expect.arrayContaining(['onsite', 'Parts']));
    // when the message arrives and the customer is called
    await s.message('partsArrived', 'SUB-T1');
    const done = await s.complete(started.id, 'callCustomer');
    // then
    expect(done.status).toBe('completed');
  });

  it('an interrupting timer boundary on the subprocess cancels its task and takes the boundary flow', async () => {
    // given
    await deploy(
      onsite(
        INSPECT,
        `<bpmn:boundaryEvent id="TooLong" name="Too long" attachedToRef="onsite"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="B1" sourceRef="TooLong" targetRef="Escalate" />
        <bpmn:userTask id="Escalate" name="Escalate" camunda:candidateGroups="supervisor" />
        <bpmn:sequenceFlow id="B2" sourceRef="Escalate" targetRef="EscEnd" /><bpmn:endEvent id="EscEnd" name="Escalated" />`,
      ),
    );
    const started = await s.start('onsite-visit', {});
    // when four hours pass
    await s.advance(4 * HOUR);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view).sort()).toEqual(['Escalate', 'callCustomer']);
    expect(view.tasks.find((t) => t.activityId === 'inspect')!.status).toBe('cancelled');
  });

  it('a non-interrupting timer boundary adds a task and leaves the subprocess running', async () => {
    // given
    await deploy(
      onsite(
        INSPECT,
        `<bpmn:boundaryEvent id="Remind" name="Remind" attachedToRef="onsite" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="B1" sourceRef="Remind" targetRef="Nudge" />
        <bpmn:userTask id="Nudge" name="Nudge" camunda:candidateGroups="supervisor" />
        <bpmn:sequenceFlow id="B2" sourceRef="Nudge" targetRef="NudgeEnd" /><bpmn:endEvent id="NudgeEnd" name="Nudged" />`,
      ),
    );
    const started = await s.start('onsite-visit', {});
    // when two hours pass
    await s.advance(2 * HOUR);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view).sort()).toEqual(['Nudge', 'callCustomer', 'inspect']);
    await s.complete(started.id, 'Nudge');
    await s.complete(started.id, 'inspect');
    expect((await s.complete(started.id, 'callCustomer')).status).toBe('completed');
  });

  it('an error thrown inside the subprocess is caught by an error boundary on it', async () => {
    // given
    await deploy(
      onsite(
        `<bpmn:startEvent id="SubStart" name="Sub start" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="inspect" />
        <bpmn:userTask id="inspect" name="Inspect" camunda:candidateGroups="technician">
          <bpmn:extensionElements><camunda:formData><camunda:formField id="fixable" label="Fixable" type="boolean" /></camunda:formData></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="S2" sourceRef="inspect" targetRef="Fixable" />
        <bpmn:exclusiveGateway id="Fixable" name="Fixable?" default="S3" />
        <bpmn:sequenceFlow id="S3" sourceRef="Fixable" targetRef="SubEnd" />
        <bpmn:sequenceFlow id="S4" sourceRef="Fixable" targetRef="NoFix"><bpmn:conditionExpression>=fixable = false</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:endEvent id="SubEnd" name="Sub end" />
        <bpmn:endEvent id="NoFix" name="No fix"><bpmn:errorEventDefinition errorRef="Err_NoFix" /></bpmn:endEvent>`,
        `<bpmn:boundaryEvent id="CannotFix" name="Cannot fix" attachedToRef="onsite"><bpmn:errorEventDefinition errorRef="Err_NoFix" /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="B1" sourceRef="CannotFix" targetRef="Replace" />
        <bpmn:userTask id="Replace" name="Replace device" camunda:candidateGroups="supervisor" />
        <bpmn:sequenceFlow id="B2" sourceRef="Replace" targetRef="ReplEnd" /><bpmn:endEvent id="ReplEnd" name="Replaced" />`,
      ).replace('<bpmn:process', '<bpmn:error id="Err_NoFix" name="noFix" errorCode="NO_FIX" /><bpmn:process'),
    );
    const started = await s.start('onsite-visit', {});
    // when the technician finds it cannot be fixed
    const view = await s.complete(started.id, 'inspect', { fixable: false });
    // then
    expect(s.openTasks(view).sort()).toEqual(['Replace', 'callCustomer']);
  });
});
