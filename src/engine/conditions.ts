// Conditional events re-evaluated at the end of every command, so whatever changed the variables (a task's form, a
// message's or a worker's variables) moves them: waiting catches and boundaries are asked to evaluate again, and
// event-subprocess starts fire when their condition turns true. Repeated until nothing more moves.
import type { DefinitionModel } from './definition-model';
import { armEventStarts, type EventStartMemo, startEventSubprocess } from './event-starts';
import { evaluateExpression } from './feel';
import { postponedWithScope } from './postponed.util';

/** More rounds than any sane diagram needs: a condition chain this long is a loop. */
const MAX_ROUNDS = 20;
const CATCHES = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']);

export async function settleConditions(args: { engine: any; model: DefinitionModel; memo: EventStartMemo; now: Date; variables: () => Record<string, unknown>; idle: () => Promise<void> }): Promise<void> {
  const { engine, model, memo, now } = args;
  if (!Object.values(model.elements).some((e) => e.condition)) return;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // The wait is published by the event definition (type bpmn:ConditionalEventDefinition) under its event's id.
    const waiting = postponedWithScope(engine, model).filter(({ api }) => CATCHES.has(model.elements[api.id]?.type ?? '') && model.elements[api.id]?.condition);
    const before = new Set(waiting.map(({ api }) => api.executionId));
    // A signal makes bpmn-elements' conditional event definition evaluate its condition again (and complete if true).
    for (const { api } of waiting) api.signal();
    const started = startDueConditionalStarts(engine, model, memo, now, args.variables());
    await args.idle();
    const after = new Set(postponedWithScope(engine, model).map(({ api }) => api.executionId));
    const moved = [...before].some((id) => !after.has(id));
    if (!moved && !started) return;
  }
}

/** Starts the event subprocesses whose condition turned true since the last evaluation; true when one started. */
function startDueConditionalStarts(engine: any, model: DefinitionModel, memo: EventStartMemo, now: Date, variables: Record<string, unknown>): boolean {
  const { conditions } = armEventStarts(engine, model, memo, now);
  const held = new Set(memo.held ?? []);
  let started = false;
  for (const c of conditions) {
    const holds = evaluateExpression(c.condition, variables) === true;
    if (holds && !held.has(c.firedKey)) started = startEventSubprocess(engine, model, memo, c.key, now) || started;
    if (holds) held.add(c.firedKey);
    else held.delete(c.firedKey);
  }
  memo.held = [...held];
  return started;
}
