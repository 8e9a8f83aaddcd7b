// The engine never fires a host-planned (business-calendar) timer by itself when resumed after its wall-clock expiry.
import { Engine } from 'bpmn-engine';
import { FakeClock } from '../common/clock';
import type { DefinitionModel } from './definition-model';
import { DurableTimers } from './durable-timers';
import { holdHostPlannedTimers, HELD_UNTIL } from './host-planned-timers';

const source = (timer: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="x">
  <process id="p" isExecutable="true">
    <startEvent id="Start" /><sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />
    <userTask id="Work" /><sequenceFlow id="F2" sourceRef="Work" targetRef="End" /><endEvent id="End" />
    <boundaryEvent id="Late" attachedToRef="Work"><timerEventDefinition>${timer}</timerEventDefinition></boundaryEvent>
    <sequenceFlow id="F3" sourceRef="Late" targetRef="Escalated" /><endEvent id="Escalated" />
  </process>
</definitions>`;

const model = (calendar: boolean): DefinitionModel =>
  ({ processId: 'p', processName: 'p', startForm: [], startTimers: [], elements: { Late: { id: 'Late', type: 'bpmn:BoundaryEvent', name: 'Late', ...(calendar ? { timerCalendar: 'service-desk' } : {}) } } }) as DefinitionModel;

/** Runs to the wait, saves the state (held or not), then recovers it two days later and reports where the token is. */
async function resumedLater(timer: string, calendar: boolean): Promise<{ held: boolean; waiting: string[] }> {
  const clock = new FakeClock(new Date());
  const first = new Engine({ name: 'a', source: source(timer), timers: new DurableTimers(clock) } as any);
  const timers = (first as any).environment.timers as DurableTimers;
  await first.execute();
  const state = await first.getState();
  holdHostPlannedTimers(state, model(calendar), timers.active());
  const held = JSON.stringify(state).includes(HELD_UNTIL);
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'], now: Date.now() + 2 * 86_400_000 });
  try {
    const later = new Engine({ name: 'b', timers: new DurableTimers(new FakeClock(new Date())) } as any);
    later.recover(state);
    await later.resume();
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = later.execution?.getPostponed?.().map((a: any) => a.id) ?? [];
    return { held, waiting };
  } finally {
    jest.useRealTimers();
  }
}

describe('holdHostPlannedTimers', () => {
  it.each([
    ['a duration', '<timeDuration xsi:type="tFormalExpression">PT1H</timeDuration>'],
    ['a date', `<timeDate xsi:type="tFormalExpression">${new Date(Date.now() + 86_400_000).toISOString()}</timeDate>`],
  ])('keeps %s on a calendar waiting when resumed after its wall-clock expiry (only its row fires it)', async (_name, timer) => {
    // given / when
    const result = await resumedLater(timer, true);
    // then
    expect(result.held).toBe(true);
    expect(result.waiting).toEqual(expect.arrayContaining(['Work', 'Late']));
  });

  it.each([
    ['a duration', '<timeDuration xsi:type="tFormalExpression">PT1H</timeDuration>'],
    ['a date', `<timeDate xsi:type="tFormalExpression">${new Date(Date.now() + 86_400_000).toISOString()}</timeDate>`],
  ])('leaves %s on the wall clock alone: the engine fires it on resume as before', async (_name, timer) => {
    const result = await resumedLater(timer, false);
    expect(result.held).toBe(false);
    expect(result.waiting).not.toContain('Work');
  });
});
