// Scenario: conditional events (intermediate catch, boundary interrupting and not, event-subprocess start) wait,
// backed, until a command changes the variables so that their condition holds; ${…} conditions are translated to FEEL.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" />`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const when = (condition: string) => `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${condition}</bpmn:condition></bpmn:conditionalEventDefinition>`;
const MSG = '<bpmn:message id="Msg_Paid" name="paymentReceived" />';

describe('conditional events', () => {
  const s = new Scenario();
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  };
  const stuck = async () => (await s.t.http.get('/api/admin/stuck-instances').expect(200)).body.items;

  it('an intermediate conditional catch waits, backed, until a task on another branch sets its variable', async () => {
    // given a split: one branch waits for ${approved}, the other is the approval task
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Split')}<bpmn:parallelGateway id="Split" name="split" />
        ${flow('F2', 'Split', 'Approved')}${flow('F3', 'Split', 'Approve')}
        <bpmn:intermediateCatchEvent id="Approved" name="approved">${when('${approved}')}</bpmn:intermediateCatchEvent>${flow('F4', 'Approved', 'Ship')}${task('Ship')}${flow('F5', 'Ship', 'End1')}<bpmn:endEvent id="End1" name="e1" />
        ${task('Approve')}${flow('F6', 'Approve', 'End2')}<bpmn:endEvent id="End2" name="e2" />`,
        { id: 'cond-catch' },
      ),
    );
    const started = await s.start('cond-catch', { approved: false });
    // then it waits, and the invariant accepts the wait
    expect(started.activeActivityIds).toEqual(expect.arrayContaining(['Approved', 'Approve']));
    expect(await stuck()).toEqual([]);
    // when the approval task sets the variable
    const after = await s.complete(started.id, 'Approve', { approved: true });
    // then the catch moves on
    expect(s.openTasks(after)).toEqual(['Ship']);
    expect(after.activeActivityIds).not.toContain('Approved');
  });

  it('an intermediate conditional catch passes at once when its condition already holds', async () => {
    // given
    await deploy(bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Ready')}<bpmn:intermediateCatchEvent id="Ready" name="ready">${when('=ready = true')}</bpmn:intermediateCatchEvent>${flow('F2', 'Ready', 'Go')}${task('Go')}${flow('F3', 'Go', 'End')}<bpmn:endEvent id="End" name="e" />`, { id: 'cond-ready' }));
    // when
    const started = await s.start('cond-ready', { ready: true });
    // then
    expect(s.openTasks(started)).toEqual(['Go']);
  });

  it('an interrupting conditional boundary fires when a message brings the variable, cancelling the task', async () => {
    // given a repair task guarded by "paid" and a parallel wait for the payment message
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Split')}<bpmn:parallelGateway id="Split" name="split" />
        ${flow('F2', 'Split', 'Remind')}${flow('F3', 'Split', 'Payment')}
        ${task('Remind')}${flow('F4', 'Remind', 'End1')}<bpmn:endEvent id="End1" name="e1" />
        <bpmn:boundaryEvent id="Paid" name="paid" attachedToRef="Remind">${when('=paid = true')}</bpmn:boundaryEvent>${flow('F5', 'Paid', 'Thank')}${task('Thank')}${flow('F6', 'Thank', 'End2')}<bpmn:endEvent id="End2" name="e2" />
        <bpmn:intermediateCatchEvent id="Payment" name="payment"><bpmn:messageEventDefinition messageRef="Msg_Paid" /></bpmn:intermediateCatchEvent>${flow('F7', 'Payment', 'End3')}<bpmn:endEvent id="End3" name="e3" />`,
        { id: 'cond-boundary', messages: MSG },
      ),
    );
    const started = await s.start('cond-boundary', { paid: false }, 'COND-B1');
    // when the payment message brings paid = true
    await s.message('paymentReceived', 'COND-B1', { paid: true });
    // then the reminder is cancelled and the thank-you task runs
    const after = await s.instance(started.id);
    expect(s.openTasks(after)).toEqual(['Thank']);
    expect(after.tasks.find((t) => t.activityId === 'Remind')!.status).toBe('cancelled');
  });

  it('a non-interrupting conditional boundary runs its path beside the task', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Split')}<bpmn:parallelGateway id="Split" name="split" />
        ${flow('F2', 'Split', 'Repair')}${flow('F3', 'Split', 'Triage')}
        ${task('Repair')}${flow('F4', 'Repair', 'End1')}<bpmn:endEvent id="End1" name="e1" />
        <bpmn:boundaryEvent id="Urgent" name="urgent" attachedToRef="Repair" cancelActivity="false">${when('=priority = "P1"')}</bpmn:boundaryEvent>${flow('F5', 'Urgent', 'Inform')}${task('Inform')}${flow('F6', 'Inform', 'End2')}<bpmn:endEvent id="End2" name="e2" />
        ${task('Triage')}${flow('F7', 'Triage', 'End3')}<bpmn:endEvent id="End3" name="e3" />`,
        { id: 'cond-nonint' },
      ),
    );
    const started = await s.start('cond-nonint', { priority: 'P3' });
    // when triage raises the priority
    const after = await s.complete(started.id, 'Triage', { priority: 'P1' });
    // then the supervisor is informed while the repair goes on
    expect(s.openTasks(after).sort()).toEqual(['Inform', 'Repair']);
  });

  it('a conditional event subprocess start interrupts the process when its condition turns true', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Split')}<bpmn:parallelGateway id="Split" name="split" />
        ${flow('F2', 'Split', 'Work')}${flow('F3', 'Split', 'Review')}${task('Work')}${task('Review')}
        ${flow('F4', 'Work', 'Join')}${flow('F5', 'Review', 'Join')}<bpmn:parallelGateway id="Join" name="join" />${flow('F6', 'Join', 'End')}<bpmn:endEvent id="End" name="e" />
        <bpmn:subProcess id="Withdrawn" name="withdrawn" triggeredByEvent="true">
          <bpmn:startEvent id="WStart" name="w">${when('${withdrawn == true}')}</bpmn:startEvent>${flow('W1', 'WStart', 'Close')}${task('Close')}${flow('W2', 'Close', 'WEnd')}<bpmn:endEvent id="WEnd" name="we" />
        </bpmn:subProcess>`,
        { id: 'cond-evsub' },
      ),
    );
    const started = await s.start('cond-evsub', { withdrawn: false });
    // when the review sets withdrawn
    const after = await s.complete(started.id, 'Review', { withdrawn: true });
    // then the main work is cancelled and the closing task runs
    expect(s.openTasks(after)).toEqual(['Close']);
    expect(after.tasks.find((t) => t.activityId === 'Work')!.status).toBe('cancelled');
    expect((await s.complete(started.id, 'Close')).status).toBe('completed');
  });

  it('deploy refuses a conditional event without a condition, naming it', async () => {
    // given
    const xml = bpmn(`<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Never')}<bpmn:intermediateCatchEvent id="Never" name="never"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>${flow('F2', 'Never', 'End')}<bpmn:endEvent id="End" name="e" />`, { id: 'cond-empty' });
    // when
    const res = await s.t.http.post('/api/definitions').send({ xml });
    // then
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Never', message: expect.stringMatching(/conditional event needs a condition/) })]));
  });
});
