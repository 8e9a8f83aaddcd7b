// The instance viewer's path reconstruction: which flows a token really took, worked out from the history order.
import { visitedPath, type FlowInfo } from '../../client/src/instances/visited-path';

const flow = (id: string, sourceId: string, targetId: string): FlowInfo => ({ id, sourceId, targetId });
let seq = 0;
const h = (type: string, activityId: string | null) => ({ at: new Date(Date.UTC(2026, 0, 5, 1, 0, seq++)).toISOString(), type, activityId, detail: null });
const pass = (...ids: string[]) => ids.flatMap((id) => [h('activity.started', id), h('activity.completed', id)]);

// A task with an interrupting boundary timer, a join gateway, and a loop back to the join (as in complaint-escalation).
const FLOWS = [
  flow('F_start', 'Start', 'Task'),
  flow('F_done', 'Task', 'Join'),
  flow('F_timeout', 'Timer', 'Escalate'),
  flow('F_escalated', 'Escalate', 'Join'),
  flow('F_check', 'Join', 'Check'),
  flow('F_again', 'Check', 'Join'),
  flow('F_end', 'Check', 'End'),
];
const TYPES: Record<string, string> = { Join: 'bpmn:ExclusiveGateway', Check: 'bpmn:ExclusiveGateway', Par: 'bpmn:ParallelGateway' };
const typeOf = (id: string) => TYPES[id] ?? 'bpmn:Task';

describe('visitedPath', () => {
  it('marks the flows of the path taken and not the alternative that was armed but never used', () => {
    // given the task completed before its timer fired
    const history = [h('process.started', null), ...pass('Start'), h('activity.started', 'Task'), h('activity.started', 'Timer'), h('activity.completed', 'Task'), ...pass('Join', 'Check', 'End')];
    // when
    const path = visitedPath(history, FLOWS, typeOf);
    // then
    expect([...path.takenFlows].sort()).toEqual(['F_check', 'F_done', 'F_end', 'F_start']);
    expect(path.visited.has('Timer')).toBe(true);
    expect(path.visited.has('Escalate')).toBe(false);
  });

  it('follows a fired boundary timer instead of the interrupted task, and a loop back to the join', () => {
    // given the timer fired (the task never completed), then the check sent the token round once more
    const history = [
      ...pass('Start'),
      h('activity.started', 'Task'),
      h('activity.started', 'Timer'),
      h('timer.fired', 'Timer'),
      h('activity.completed', 'Timer'),
      ...pass('Escalate', 'Join', 'Check', 'Join', 'Check', 'End'),
    ];
    // when
    const path = visitedPath(history, FLOWS, typeOf);
    // then the join's second entry came from the check, not again from the escalation
    expect([...path.takenFlows].sort()).toEqual(['F_again', 'F_check', 'F_end', 'F_escalated', 'F_start', 'F_timeout']);
    expect(path.takenFlows.has('F_done')).toBe(false);
  });

  it('marks only the flow into the element that is still waiting, not the ones into elements never reached', () => {
    // given
    const history = [...pass('Start'), h('activity.started', 'Task')];
    // when
    const path = visitedPath(history, FLOWS, typeOf);
    // then
    expect([...path.takenFlows]).toEqual(['F_start']);
  });

  it('takes every arriving flow at a merging parallel gateway', () => {
    // given two branches that both reach a parallel join
    const flows = [flow('F_a', 'A', 'Par'), flow('F_b', 'B', 'Par'), flow('F_c', 'C', 'Par')];
    const history = [...pass('A', 'B'), h('activity.started', 'Par')];
    // when
    const path = visitedPath(history, flows, typeOf);
    // then
    expect([...path.takenFlows].sort()).toEqual(['F_a', 'F_b']);
  });
});
