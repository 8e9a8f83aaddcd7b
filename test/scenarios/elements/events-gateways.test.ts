// Scenarios: terminate end, link events, escalation throw/catch, error event subprocess, inclusive split, manual task.
import { ServiceRegistry } from '../../../src/engine/service-registry';
import { bpmn } from '../../support/bpmn';
import { HOUR, Scenario } from '../../support/scenario';

const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" />`;
const flow = (id: string, from: string, to: string, cond?: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond ? `<bpmn:conditionExpression>${cond}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

describe('events and gateways', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };

  it('a terminate end event ends the instance and cancels the other branch', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Split')}<bpmn:parallelGateway id="Split" name="split" />
        ${flow('F2', 'Split', 'A')}${flow('F3', 'Split', 'B')}${task('A')}${task('B')}
        ${flow('F4', 'A', 'Kill')}<bpmn:endEvent id="Kill" name="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
        ${flow('F5', 'B', 'End')}<bpmn:endEvent id="End" name="end" />`,
        { id: 'terminate' },
      ),
    );
    const started = await s.start('terminate', {});
    // when
    const done = await s.complete(started.id, 'A');
    // then
    expect(done.status).toBe('completed');
    expect(done.endActivityId).toBe('Kill');
    expect(done.tasks.find((t) => t.activityId === 'B')!.status).toBe('cancelled');
  });

  it('a link throw continues at the link catch of the same name', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'GoTo')}
        <bpmn:intermediateThrowEvent id="GoTo" name="go"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="Page2" name="page 2"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateCatchEvent>
        ${flow('F2', 'Page2', 'A')}${task('A')}${flow('F3', 'A', 'End')}<bpmn:endEvent id="End" name="end" />`,
        { id: 'links' },
      ),
    );
    // when
    const started = await s.start('links', {});
    // then
    expect(s.openTasks(started)).toEqual(['A']);
  });

  it('an escalation thrown in a subprocess is caught by a non-interrupting escalation boundary', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Sub')}
        <bpmn:subProcess id="Sub" name="sub"><bpmn:startEvent id="SS" name="ss" />${flow('S1', 'SS', 'Raise')}
          <bpmn:intermediateThrowEvent id="Raise" name="raise"><bpmn:escalationEventDefinition escalationRef="Esc_Late" /></bpmn:intermediateThrowEvent>
          ${flow('S2', 'Raise', 'Work')}${task('Work')}${flow('S3', 'Work', 'SE')}<bpmn:endEvent id="SE" name="se" /></bpmn:subProcess>
        <bpmn:boundaryEvent id="Caught" name="caught" attachedToRef="Sub" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="Esc_Late" /></bpmn:boundaryEvent>
        ${flow('F2', 'Caught', 'Supervise')}${task('Supervise')}${flow('F3', 'Supervise', 'E2')}<bpmn:endEvent id="E2" name="e2" />
        ${flow('F4', 'Sub', 'End')}<bpmn:endEvent id="End" name="end" />`,
        { id: 'escalation', messages: '<bpmn:escalation id="Esc_Late" name="late" escalationCode="LATE" />' },
      ),
    );
    // when
    const started = await s.start('escalation', {});
    // then
    expect(s.openTasks(started).sort()).toEqual(['Supervise', 'Work']);
  });

  const withEventSub = (id: string, start: string, interrupting: boolean, extraDefs = '') =>
    bpmn(
      `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Main')}${task('Main')}${flow('F2', 'Main', 'End')}<bpmn:endEvent id="End" name="end" />
      <bpmn:subProcess id="OnEvent" name="on event" triggeredByEvent="true">
        <bpmn:startEvent id="EvStart" name="ev" isInterrupting="${interrupting}">${start}</bpmn:startEvent>
        ${flow('E1', 'EvStart', 'Handle')}${task('Handle')}${flow('E2', 'Handle', 'EvEnd')}<bpmn:endEvent id="EvEnd" name="ev end" />
      </bpmn:subProcess>`,
      { id, messages: `<bpmn:message id="Msg_Cancel" name="customerCancelled" />${extraDefs}` },
    );

  it('an error event subprocess catches an error thrown in the main flow', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Main')}${task('Main')}${flow('F2', 'Main', 'Fail')}
        <bpmn:endEvent id="Fail" name="fail"><bpmn:errorEventDefinition errorRef="Err_Bad" /></bpmn:endEvent>
        <bpmn:subProcess id="OnError" name="on error" triggeredByEvent="true">
          <bpmn:startEvent id="EvStart" name="ev"><bpmn:errorEventDefinition errorRef="Err_Bad" /></bpmn:startEvent>
          ${flow('E1', 'EvStart', 'Handle')}${task('Handle')}${flow('E2', 'Handle', 'EvEnd')}<bpmn:endEvent id="EvEnd" name="ev end" />
        </bpmn:subProcess>`,
        { id: 'evsub-error', messages: '<bpmn:error id="Err_Bad" name="bad" errorCode="BAD" />' },
      ),
    );
    const started = await s.start('evsub-error', {});
    // when
    const view = await s.complete(started.id, 'Main');
    // then
    expect(s.openTasks(view)).toEqual(['Handle']);
    expect((await s.complete(started.id, 'Handle')).status).toBe('completed');
  });

  it('a manual task is done outside the system: the flow passes it', async () => {
    // given
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Hand')}<bpmn:manualTask id="Hand" name="hand over" />${flow('F2', 'Hand', 'A')}${task('A')}${flow('F3', 'A', 'End')}<bpmn:endEvent id="End" name="end" />`, { id: 'manual' }));
    // when
    const started = await s.start('manual', {});
    // then
    expect(s.openTasks(started)).toEqual(['A']);
  });

  it('an inclusive gateway starts every branch whose condition holds', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Fork')}<bpmn:inclusiveGateway id="Fork" name="fork" />
        ${flow('F2', 'Fork', 'A', '=needA')}${flow('F3', 'Fork', 'B', '=needB')}${flow('F4', 'Fork', 'C', '=needC')}${task('A')}${task('B')}${task('C')}
        ${flow('F5', 'A', 'EA')}${flow('F6', 'B', 'EB')}${flow('F7', 'C', 'EC')}<bpmn:endEvent id="EA" name="a" /><bpmn:endEvent id="EB" name="b" /><bpmn:endEvent id="EC" name="c" />`,
        { id: 'inclusive' },
      ),
    );
    // when
    const started = await s.start('inclusive', { needA: true, needB: true, needC: false });
    // then
    expect(s.openTasks(started).sort()).toEqual(['A', 'B']);
  });

  it('a send task runs its named handler like a service task', async () => {
    // given
    const sent: unknown[] = [];
    s.t.app.get(ServiceRegistry).register('sendTestNotice', 'records what it sends', (ctx) => {
      sent.push(ctx.variables.to);
      return { noticeSent: true };
    });
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Notify')}<bpmn:sendTask id="Notify" name="notify" camunda:type="external" camunda:topic="sendTestNotice" />${flow('F2', 'Notify', 'A')}${task('A')}${flow('F3', 'A', 'End')}<bpmn:endEvent id="End" name="end" />`, { id: 'send' }));
    // when
    const started = await s.start('send', { to: 'customer@example.com' });
    // then
    expect(sent).toEqual(['customer@example.com']);
    expect(started.variables.noticeSent).toBe(true);
    expect(s.openTasks(started)).toEqual(['A']);
  });

  it('a non-interrupting escalation event subprocess handles an escalation thrown in the main flow', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Raise')}
        <bpmn:intermediateThrowEvent id="Raise" name="raise"><bpmn:escalationEventDefinition escalationRef="Esc_Vip" /></bpmn:intermediateThrowEvent>
        ${flow('F2', 'Raise', 'Main')}${task('Main')}${flow('F3', 'Main', 'End')}<bpmn:endEvent id="End" name="end" />
        <bpmn:subProcess id="OnEscalation" name="on escalation" triggeredByEvent="true">
          <bpmn:startEvent id="EvStart" name="ev" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="Esc_Vip" /></bpmn:startEvent>
          ${flow('E1', 'EvStart', 'Handle')}${task('Handle')}${flow('E2', 'Handle', 'EvEnd')}<bpmn:endEvent id="EvEnd" name="ev end" />
        </bpmn:subProcess>`,
        { id: 'evsub-escalation', messages: '<bpmn:escalation id="Esc_Vip" name="vip" escalationCode="VIP" />' },
      ),
    );
    // when
    const started = await s.start('evsub-escalation', {});
    // then
    expect(s.openTasks(started).sort()).toEqual(['Handle', 'Main']);
  });
});
