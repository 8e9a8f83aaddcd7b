// Scenario: what a child throws and does not catch reaches its parent's call activity: an uncaught BPMN error is caught
// by an error boundary there or opens an incident on the parent (never a silent retry); an escalation reaches an
// escalation boundary on the call activity, interrupting (the child is cancelled) or not (the child goes on).
import { bpmn } from '../../support/bpmn';
import { MINUTE, Scenario } from '../../support/scenario';

const ERROR = '<bpmn:error id="Err_Broken" name="broken" errorCode="BROKEN" />';
const ESCALATION = '<bpmn:escalation id="Esc_Late" name="late" escalationCode="LATE" />';
const withRoots = (xml: string, roots: string) => xml.replace('<bpmn:process', `${roots}<bpmn:process`);

/** start → `before` → user task Repair → `end` (a plain end event by default). */
const child = (id: string, opts: { before?: string; end?: string } = {}) =>
  withRoots(
    bpmn(
      `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="${opts.before ? 'Before' : 'Repair'}" />
      ${opts.before ? `${opts.before}<bpmn:sequenceFlow id="F0" sourceRef="Before" targetRef="Repair" />` : ''}
      <bpmn:userTask id="Repair" name="Repair" camunda:candidateGroups="technician" />
      <bpmn:sequenceFlow id="F2" sourceRef="Repair" targetRef="End" />
      ${opts.end ?? '<bpmn:endEvent id="End" name="End" />'}`,
      { id },
    ),
    `${ERROR}${ESCALATION}`,
  );

/** start → call `callee` → Confirm → end, with `boundary` (id OnEvent) on the call leading to user task Handle. */
const parent = (id: string, callee: string, boundary = '') =>
  withRoots(
    bpmn(
      `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call" />
      <bpmn:callActivity id="Call" name="Call" calledElement="${callee}" />
      <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="Confirm" />
      <bpmn:userTask id="Confirm" name="Confirm" camunda:candidateGroups="agent" />
      <bpmn:sequenceFlow id="F3" sourceRef="Confirm" targetRef="End" /><bpmn:endEvent id="End" name="End" />
      ${boundary ? `${boundary}<bpmn:sequenceFlow id="F4" sourceRef="OnEvent" targetRef="Handle" />
      <bpmn:userTask id="Handle" name="Handle" camunda:candidateGroups="supervisor" />
      <bpmn:sequenceFlow id="F5" sourceRef="Handle" targetRef="End2" /><bpmn:endEvent id="End2" name="Handled" />` : ''}`,
      { id },
    ),
    `${ERROR.replace('Err_Broken', 'Err_P')}${ESCALATION.replace('Esc_Late', 'Esc_P')}`,
  );

const ERROR_END = '<bpmn:endEvent id="End" name="Broken"><bpmn:errorEventDefinition errorRef="Err_Broken" /></bpmn:endEvent>';
const ESCALATION_THROW = '<bpmn:intermediateThrowEvent id="Before" name="Late"><bpmn:escalationEventDefinition escalationRef="Esc_Late" /></bpmn:intermediateThrowEvent>';
const ESCALATION_END = '<bpmn:endEvent id="End" name="Late end"><bpmn:escalationEventDefinition escalationRef="Esc_Late" /></bpmn:endEvent>';
const boundary = (definition: string, interrupting = true) => `<bpmn:boundaryEvent id="OnEvent" name="On event" attachedToRef="Call" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;

describe('call activity: errors and escalations from the child', () => {
  const s = new Scenario();
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  beforeAll(() => s.setUp());
  afterAll(() => s.tearDown());
  const childrenOf = async (id: string) => (await s.t.http.get(`/api/process-instances/${id}`).expect(200)).body.childInstances;
  const incidentsOf = async (id: string) => (await s.t.http.get(`/api/incidents?processInstanceId=${id}`).expect(200)).body.items;

  it('an uncaught child error with no boundary on the call opens an incident on the parent at the call activity, and nothing retries by itself', async () => {
    // given a callee that ends in error BROKEN and a parent with no error boundary
    await deploy(child('broken-child', { end: ERROR_END }));
    await deploy(parent('unguarded-parent', 'broken-child'));
    const started = await s.start('unguarded-parent', {});
    const [kid] = await childrenOf(started.id);
    // when the child ends in the error and due work runs
    await s.complete(kid.id, 'Repair');
    await s.advance(0);
    // then the child is over, the parent still waits at the call with an open incident naming the error
    expect((await s.instance(kid.id)).status).toBe('completed');
    const [incident] = await incidentsOf(started.id);
    expect(incident).toMatchObject({ activityId: 'Call', status: 'open' });
    expect(incident.error).toMatch(/Call.*broken-child.*BROKEN/);
    const view = await s.instance(started.id);
    expect(view.activeActivityIds).toEqual(['Call']);
    expect(view.history.filter((h) => h.type === 'incident.created')).toEqual([expect.objectContaining({ activityId: 'Call', detail: expect.objectContaining({ status: 'open', role: 'supervisor' }) })]);
    // and no timer row keeps firing the return every minute
    expect(await s.advance(10 * MINUTE)).toBe(0);
    expect(await incidentsOf(started.id)).toHaveLength(1);
  });

  it('retrying the incident calls the process again; resolving it by hand completes the call with the given variables', async () => {
    // given an open incident on the call
    const started = await s.start('unguarded-parent', {});
    await s.complete((await childrenOf(started.id))[0].id, 'Repair');
    await s.advance(0);
    const [incident] = await incidentsOf(started.id);
    // when retried
    await s.t.http.post(`/api/incidents/${incident.id}/retry`).expect(200);
    // then a second child runs and the first incident is closed
    const kids = await childrenOf(started.id);
    expect(kids.map((k: { status: string }) => k.status).sort()).toEqual(['active', 'completed']);
    expect((await s.t.http.get(`/api/incidents/${incident.id}`).expect(200)).body.status).toBe('resolved');
    // when the second child fails too and that incident is resolved by hand
    await s.complete(kids.find((k: { status: string }) => k.status === 'active').id, 'Repair');
    await s.advance(0);
    const second = (await incidentsOf(started.id)).find((i: { status: string }) => i.status === 'open');
    await s.t.http.post(`/api/incidents/${second.id}/resolve`).send({ note: 'repaired by the vendor', variables: { repaired: true } }).expect(200);
    // then the parent continues after the call
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual(['Confirm']);
    expect(view.variables).toMatchObject({ repaired: true });
    expect((await s.t.http.get(`/api/incidents/${second.id}`).expect(200)).body.status).toBe('resolved');
  });

  it('a catch-all error boundary (no errorRef) on the call activity catches the child error', async () => {
    // given
    await deploy(parent('catch-all-parent', 'broken-child', boundary('<bpmn:errorEventDefinition />')));
    const started = await s.start('catch-all-parent', {});
    // when
    await s.complete((await childrenOf(started.id))[0].id, 'Repair');
    await s.advance(0);
    // then
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Handle']);
    expect(await incidentsOf(started.id)).toEqual([]);
  });

  it('an error boundary for another errorCode does not catch it: the incident opens', async () => {
    // given
    const other = '<bpmn:error id="Err_Other" name="other" errorCode="OTHER" />';
    await deploy(withRoots(parent('other-code-parent', 'broken-child', boundary('<bpmn:errorEventDefinition errorRef="Err_Other" />')), other));
    const started = await s.start('other-code-parent', {});
    // when
    await s.complete((await childrenOf(started.id))[0].id, 'Repair');
    await s.advance(0);
    // then
    expect(s.openTasks(await s.instance(started.id))).toEqual([]);
    expect(await incidentsOf(started.id)).toEqual([expect.objectContaining({ activityId: 'Call', status: 'open' })]);
  });

  it('an escalation thrown in the child reaches a non-interrupting escalation boundary on the call; the child goes on', async () => {
    // given
    await deploy(child('late-child', { before: ESCALATION_THROW }));
    await deploy(parent('late-parent', 'late-child', boundary('<bpmn:escalationEventDefinition escalationRef="Esc_P" />', false)));
    // when
    const started = await s.start('late-parent', {});
    await s.advance(0);
    // then the parent handles the escalation while still calling
    const [kid] = await childrenOf(started.id);
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Handle']);
    expect(kid.status).toBe('active');
    // when the child finishes
    await s.complete(kid.id, 'Repair');
    await s.advance(0);
    // then the call completes too
    expect(s.openTasks(await s.instance(started.id)).sort()).toEqual(['Confirm', 'Handle']);
  });

  it('an escalation thrown in the child reaches an interrupting escalation boundary on the call: the child is cancelled', async () => {
    // given
    await deploy(parent('late-int-parent', 'late-child', boundary('<bpmn:escalationEventDefinition escalationRef="Esc_P" />')));
    // when
    const started = await s.start('late-int-parent', {});
    await s.advance(0);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual(['Handle']);
    expect(view.activeActivityIds).toEqual(['Handle']);
    const [kid] = await childrenOf(started.id);
    expect(kid.status).toBe('cancelled');
  });

  it('an escalation end event of the child interrupts the call before the child\'s return continues it', async () => {
    // given
    await deploy(child('late-end-child', { end: ESCALATION_END }));
    await deploy(parent('late-end-parent', 'late-end-child', boundary('<bpmn:escalationEventDefinition />')));
    const started = await s.start('late-end-parent', {});
    // when
    await s.complete((await childrenOf(started.id))[0].id, 'Repair');
    await s.advance(0);
    // then
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Handle']);
  });

  it('an escalation the child catches itself (a boundary on its subprocess) does not reach the parent', async () => {
    // given a child whose subprocess throws LATE and catches it on its own boundary, and a parent catching every escalation
    await deploy(
      withRoots(
        bpmn(
          `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" />
          <bpmn:subProcess id="Sub" name="Sub">
            <bpmn:startEvent id="SubStart" name="s" /><bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Throw" />
            ${ESCALATION_THROW.replace('Before', 'Throw')}<bpmn:sequenceFlow id="S2" sourceRef="Throw" targetRef="SubEnd" />
            <bpmn:endEvent id="SubEnd" name="e" />
          </bpmn:subProcess>
          <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End" /><bpmn:endEvent id="End" name="End" />
          <bpmn:boundaryEvent id="CaughtInside" name="caught" attachedToRef="Sub"><bpmn:escalationEventDefinition escalationRef="Esc_Late" /></bpmn:boundaryEvent>
          <bpmn:sequenceFlow id="F3" sourceRef="CaughtInside" targetRef="Repair" />
          <bpmn:userTask id="Repair" name="Repair" camunda:candidateGroups="technician" />
          <bpmn:sequenceFlow id="F4" sourceRef="Repair" targetRef="End2" /><bpmn:endEvent id="End2" name="e2" />`,
          { id: 'self-catching-child' },
        ),
        ESCALATION,
      ),
    );
    await deploy(parent('self-catching-parent', 'self-catching-child', boundary('<bpmn:escalationEventDefinition />')));
    // when
    const started = await s.start('self-catching-parent', {});
    await s.advance(0);
    // then the child handled it, the parent still calls
    const [kid] = await childrenOf(started.id);
    expect(s.openTasks(await s.instance(kid.id))).toEqual(['Repair']);
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual([]);
    expect(view.history.filter((h) => h.type.startsWith('call.escalat'))).toEqual([]);
  });

  it('an escalation that no boundary on the call catches changes nothing in the parent: the call completes normally', async () => {
    // given a parent whose boundary waits for another code
    const other = '<bpmn:escalation id="Esc_Other" name="other" escalationCode="OTHER" />';
    await deploy(withRoots(parent('other-esc-parent', 'late-end-child', boundary('<bpmn:escalationEventDefinition escalationRef="Esc_Other" />')), other));
    const started = await s.start('other-esc-parent', {});
    // when
    await s.complete((await childrenOf(started.id))[0].id, 'Repair');
    await s.advance(0);
    // then the call completes normally
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Confirm']);
  });
});
