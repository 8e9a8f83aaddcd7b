// Scenario: event subprocesses started by a timer, a message or a signal (interrupting and not), in the process or an
// embedded subprocess: the start is a durable timer row / subscription while its scope runs, and goes with the scope.
import { bpmn } from '../../support/bpmn';
import { HOUR, Scenario } from '../../support/scenario';

const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" />`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const MAIN = `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Work')}${task('Work')}${flow('F2', 'Work', 'End')}<bpmn:endEvent id="End" name="e" />`;
const DEFS = '<bpmn:message id="Msg_Cancel" name="customerCancels" /><bpmn:message id="Msg_Note" name="customerNote" /><bpmn:signal id="Sig_Storm" name="stormWarning" />';

/** An event subprocess whose start carries `definition`; its task is `handler`. */
const eventSub = (id: string, definition: string, handler: string, interrupting = true) =>
  `<bpmn:subProcess id="${id}" name="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}_Start" name="start" isInterrupting="${interrupting}">${definition}</bpmn:startEvent>
    ${flow(`${id}_F1`, `${id}_Start`, handler)}${task(handler)}${flow(`${id}_F2`, handler, `${id}_End`)}<bpmn:endEvent id="${id}_End" name="end" />
  </bpmn:subProcess>`;
const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

describe('event subprocesses started by a timer, a message or a signal', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  const stuck = async () => (await s.t.http.get('/api/admin/stuck-instances').expect(200)).body;

  it('an interrupting timer event subprocess cancels the main task when it falls due and runs instead', async () => {
    // given
    await deploy(bpmn(`${MAIN}${eventSub('Overdue', timer('timeDuration', 'PT2H'), 'Chase')}`, { id: 'esp-timer', messages: DEFS }));
    const started = await s.start('esp-timer', {});
    expect(started.timers.map((t) => t.activityId)).toEqual(['Overdue_Start']);
    // when an hour passes, nothing happens; at two hours the timer fires
    await s.advance(HOUR);
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Work']);
    await s.advance(HOUR);
    // then
    const fired = await s.instance(started.id);
    expect(s.openTasks(fired)).toEqual(['Chase']);
    expect(fired.tasks.find((t) => t.activityId === 'Work')!.status).toBe('cancelled');
    expect(fired.timers).toEqual([]);
    expect(await stuck()).toMatchObject({ items: [] });
    // when the handler is done, the instance ends
    expect((await s.complete(started.id, 'Chase')).status).toBe('completed');
  });

  it('a non-interrupting timer cycle starts its event subprocess beside the main flow, as often as the cycle says', async () => {
    // given
    await deploy(bpmn(`${MAIN}${eventSub('Remind', timer('timeCycle', 'R2/PT1H'), 'Nudge', false)}`, { id: 'esp-cycle', messages: DEFS }));
    const started = await s.start('esp-cycle', {});
    // when the first hour passes
    await s.advance(HOUR);
    // then the reminder runs beside the main task
    expect(s.openTasks(await s.instance(started.id)).sort()).toEqual(['Nudge', 'Work']);
    // when it is done (a command that must not move the next occurrence) and the second hour passes
    const nextDue = new Date(s.clock.now().getTime() + HOUR).toISOString();
    expect((await s.complete(started.id, 'Nudge')).timers).toEqual([expect.objectContaining({ activityId: 'Remind_Start', dueAt: nextDue })]);
    await s.advance(HOUR);
    // then it runs once more, and never again
    const second = await s.instance(started.id);
    expect(s.openTasks(second).sort()).toEqual(['Nudge', 'Work']);
    await s.complete(started.id, 'Nudge');
    expect((await s.instance(started.id)).timers).toEqual([]);
    expect(await s.advance(HOUR)).toBe(0);
    // and the main flow ends the instance
    expect((await s.complete(started.id, 'Work')).status).toBe('completed');
  });

  it('a non-interrupting message event subprocess runs on each message, with its variables, until the process ends', async () => {
    // given
    await deploy(bpmn(`${MAIN}${eventSub('OnNote', '<bpmn:messageEventDefinition messageRef="Msg_Note" />', 'ReadNote', false)}`, { id: 'esp-message', messages: DEFS }));
    const started = await s.start('esp-message', {}, 'ESP-M1');
    // when a note arrives
    await s.message('customerNote', 'ESP-M1', { note: 'back door' });
    // then
    const first = await s.instance(started.id);
    expect(s.openTasks(first).sort()).toEqual(['ReadNote', 'Work']);
    expect(first.variables).toMatchObject({ note: 'back door' });
    // when it is read and a second note arrives, it runs again
    await s.complete(started.id, 'ReadNote');
    await s.message('customerNote', 'ESP-M1', { note: 'dog in the garden' });
    expect(s.openTasks(await s.instance(started.id)).sort()).toEqual(['ReadNote', 'Work']);
    await s.complete(started.id, 'ReadNote');
    // when the main flow ends, the subscription goes with the instance
    expect((await s.complete(started.id, 'Work')).status).toBe('completed');
    await s.t.http.post('/api/messages').send({ messageName: 'customerNote', businessKey: 'ESP-M1' }).expect(404);
  });

  it('an interrupting message event subprocess inside an embedded subprocess ends that subprocess only', async () => {
    // given a visit subprocess that the customer may cancel, followed by a report task
    const visit = `<bpmn:subProcess id="Visit" name="visit">
        <bpmn:startEvent id="VStart" name="vs" />${flow('V1', 'VStart', 'Inspect')}${task('Inspect')}${flow('V2', 'Inspect', 'VEnd')}<bpmn:endEvent id="VEnd" name="ve" />
        ${eventSub('Cancelled', '<bpmn:messageEventDefinition messageRef="Msg_Cancel" />', 'Refund')}
      </bpmn:subProcess>`;
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Visit')}${visit}${flow('F2', 'Visit', 'Report')}${task('Report')}${flow('F3', 'Report', 'End')}<bpmn:endEvent id="End" name="e" />`, { id: 'esp-nested', messages: DEFS }));
    const started = await s.start('esp-nested', {}, 'ESP-N1');
    // when the customer cancels
    await s.message('customerCancels', 'ESP-N1');
    // then the inspection is cancelled and the refund runs in the subprocess
    const cancelled = await s.instance(started.id);
    expect(s.openTasks(cancelled)).toEqual(['Refund']);
    expect(cancelled.tasks.find((t) => t.activityId === 'Inspect')!.status).toBe('cancelled');
    // and a second cancel finds nobody waiting
    await s.t.http.post('/api/messages').send({ messageName: 'customerCancels', businessKey: 'ESP-N1' }).expect(404);
    // when the refund is done, the subprocess ends and the flow after it continues
    expect(s.openTasks(await s.complete(started.id, 'Refund'))).toEqual(['Report']);
  });

  it('the start of an event subprocess inside an embedded subprocess disappears when that subprocess ends', async () => {
    // given
    const visit = `<bpmn:subProcess id="Visit" name="visit">
        <bpmn:startEvent id="VStart" name="vs" />${flow('V1', 'VStart', 'Inspect')}${task('Inspect')}${flow('V2', 'Inspect', 'VEnd')}<bpmn:endEvent id="VEnd" name="ve" />
        ${eventSub('TooLong', timer('timeDuration', 'PT8H'), 'Escalate')}
      </bpmn:subProcess>`;
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Visit')}${visit}${flow('F2', 'Visit', 'Report')}${task('Report')}${flow('F3', 'Report', 'End')}<bpmn:endEvent id="End" name="e" />`, { id: 'esp-nested-timer', messages: DEFS }));
    const started = await s.start('esp-nested-timer', {});
    expect(started.timers.map((t) => t.activityId)).toEqual(['TooLong_Start']);
    // when the inspection is done in time
    const after = await s.complete(started.id, 'Inspect');
    // then the timer is gone and never fires
    expect(after.timers).toEqual([]);
    expect(await s.advance(9 * HOUR)).toBe(0);
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Report']);
  });

  it('a signal starts a non-interrupting event subprocess in every instance whose process is running', async () => {
    // given two running instances
    await deploy(bpmn(`${MAIN}${eventSub('Storm', '<bpmn:signalEventDefinition signalRef="Sig_Storm" />', 'SecureSite', false)}`, { id: 'esp-signal', messages: DEFS }));
    const a = await s.start('esp-signal', {});
    const b = await s.start('esp-signal', {});
    // when the signal is broadcast
    await s.t.http.post('/api/signals').send({ name: 'stormWarning' }).expect(204);
    await s.advance(0);
    // then both run the event subprocess beside their main task
    for (const id of [a.id, b.id]) expect(s.openTasks(await s.instance(id)).sort()).toEqual(['SecureSite', 'Work']);
    // and the delivery ran exactly once
    expect(await s.advance(0)).toBe(0);
  });
});
