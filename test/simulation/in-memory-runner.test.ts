// The in-memory runner: an identical situation (where the instance waits, the action, the variables expressions read)
// is answered from the engine's earlier outcome; a different decisive value, or a new situation, runs the engine.
import { FakeClock } from '../../src/common/clock';
import { InMemoryRunner } from '../../src/engine/in-memory-runner';
import { compileForSimulation, variablesRead } from '../../src/simulation/run/sim-definition.util';
import { SimulationRegistry } from '../../src/simulation/run/sim-registry';
import { bpmn } from '../support/bpmn';

const XML = bpmn(
  `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
  <bpmn:userTask id="Task_Check" name="Check" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="Gw" />
  <bpmn:exclusiveGateway id="Gw" name="OK?" default="F_No" />
  <bpmn:sequenceFlow id="F_Yes" name="Yes" sourceRef="Gw" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=ok = true</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="F_No" name="No" sourceRef="Gw" targetRef="Wait" />
  <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
  { id: 'sim-gate' },
);

describe('in-memory runner', () => {
  it('replays identical situations and runs the engine for new ones, with the same outcomes', async () => {
    // given a diagram whose gateway reads `ok`
    const definition = await compileForSimulation(XML, 'test');
    expect(variablesRead(XML).has('ok')).toBe(true);
    const clock = new FakeClock('2026-03-02T01:00:00Z');
    const runner = new InMemoryRunner(definition, clock, new SimulationRegistry(), variablesRead(XML));
    // when three instances start and wait in the task
    const started = [];
    for (const id of ['a', 'b', 'c']) started.push([id, await runner.run(id, { type: 'start', variables: { note: id } }, {})] as const);
    for (const [, r] of started) expect(r.userTasks.map((t) => t.activityId)).toEqual(['Task_Check']);
    expect([runner.engineRuns, runner.replays]).toEqual([1, 2]);
    // and a and b complete it with ok = true, c with ok = false (later: the timer counts from then)
    const task = started[0][1].userTasks[0];
    const done = (id: string, ok: boolean) => runner.run(id, { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: { ok } }, { note: id });
    const a = await done('a', true);
    const b = await done('b', true);
    clock.set('2026-03-02T03:00:00Z');
    const c = await done('c', false);
    // then a ran the engine, b was replayed with the same outcome, and c's other value ran the engine again
    expect([runner.engineRuns, runner.replays]).toEqual([3, 3]);
    expect(a.completed && b.completed).toBe(true);
    expect(b.variables).toEqual({ note: 'b', ok: true });
    expect(c.completed).toBe(false);
    expect(c.timers.map((t) => [t.activityId, t.dueAt.toISOString()])).toEqual([['Wait', '2026-03-02T05:00:00.000Z']]);
    // and c, recovered from the state its run left, goes on when its timer fires
    const fired = await runner.run('c', { type: 'fireTimers', keys: [c.timers[0].key] }, c.variables);
    expect(fired.completed).toBe(true);
    expect(runner.size).toBe(0);
  });
});
