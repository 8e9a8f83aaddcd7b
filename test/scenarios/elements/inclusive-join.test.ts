// Scenario: a converging inclusive gateway waits for every incoming branch that can still arrive (the branches its
// split started), not for all of them and not for the first, and continues once.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" />`;
const flow = (id: string, from: string, to: string, cond?: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond ? `<bpmn:conditionExpression>${cond}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

/** Split into A, B and C (C through two tasks), each on its own condition; join; then Close. */
const diagram = bpmn(
  `<bpmn:startEvent id="Start" name="s" />${flow('F1', 'Start', 'Fork')}<bpmn:inclusiveGateway id="Fork" name="fork" />
  ${flow('F2', 'Fork', 'A', '${needA}')}${flow('F3', 'Fork', 'B', '=needB')}${flow('F4', 'Fork', 'C1', '=needC')}
  ${task('A')}${task('B')}${task('C1')}${flow('F5', 'C1', 'C2')}${task('C2')}
  ${flow('F6', 'A', 'Join')}${flow('F7', 'B', 'Join')}${flow('F8', 'C2', 'Join')}<bpmn:inclusiveGateway id="Join" name="join" />
  ${flow('F9', 'Join', 'Close')}${task('Close')}${flow('F10', 'Close', 'End')}<bpmn:endEvent id="End" name="e" />`,
  { id: 'inclusive-join' },
);

describe('inclusive gateway join', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    const res = await s.t.http.post('/api/definitions').send({ xml: diagram });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  });
  afterAll(() => s.tearDown());
  const closeTasks = (view: Awaited<ReturnType<Scenario['instance']>>) => view.tasks.filter((t) => t.activityId === 'Close').length;

  it('waits for both branches its split took (of three), then continues once', async () => {
    // given two of three conditions hold
    const started = await s.start('inclusive-join', { needA: true, needB: true, needC: false });
    expect(s.openTasks(started).sort()).toEqual(['A', 'B']);
    // when the first branch arrives
    const one = await s.complete(started.id, 'A');
    // then the join waits for the other
    expect(s.openTasks(one)).toEqual(['B']);
    // when the second arrives
    const both = await s.complete(started.id, 'B');
    // then the flow continues exactly once
    expect(s.openTasks(both)).toEqual(['Close']);
    expect(closeTasks(both)).toBe(1);
    const done = await s.complete(started.id, 'Close');
    expect(done.status).toBe('completed');
    expect(done.history.filter((h) => h.type === 'activity.completed' && h.activityId === 'Join')).toHaveLength(1);
  });

  it('passes at once when its split took a single branch', async () => {
    // given
    const started = await s.start('inclusive-join', { needA: false, needB: true, needC: false });
    // when
    const after = await s.complete(started.id, 'B');
    // then
    expect(s.openTasks(after)).toEqual(['Close']);
  });

  it('waits for a longer branch through several tasks', async () => {
    // given
    const started = await s.start('inclusive-join', { needA: true, needB: false, needC: true });
    // when A and the first task of C are done
    await s.complete(started.id, 'A');
    const mid = await s.complete(started.id, 'C1');
    // then the join still waits for C2
    expect(s.openTasks(mid)).toEqual(['C2']);
    // when C2 is done
    const after = await s.complete(started.id, 'C2');
    // then
    expect(s.openTasks(after)).toEqual(['Close']);
    expect(closeTasks(after)).toBe(1);
  });
});
