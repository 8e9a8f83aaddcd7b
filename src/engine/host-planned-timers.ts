// Timers on a business calendar are planned by the host (their row's due_at is the truth): the engine must never fire them itself.
import type { DefinitionModel } from './definition-model';
import type { ArmedTimer } from './durable-timers';

/** Far enough that the engine, resumed at any time, sees the timer as not yet expired. */
export const HELD_UNTIL = '9999-12-31T00:00:00.000Z';

/** Whether the host plans this activity's timer (a calendar or an SLA pause to follow). */
export function isHostPlanned(model: DefinitionModel, activityId: string): boolean {
  const info = model.elements[activityId];
  return !!(info?.timerCalendar || info?.timerPauseWith);
}

/**
 * bpmn-elements keeps a timer's expireAt (and a timeDate) in its saved state and fires at once when resumed after it,
 * which would be the wall-clock time, before the working-time due. For host-planned timers both are moved far ahead
 * in the state to be saved; the host fires them by key when their row falls due. A duration is re-read on resume as
 * "now + duration", which never lies in the past, so it needs no change.
 */
export function holdHostPlannedTimers(state: unknown, model: DefinitionModel, timers: readonly ArmedTimer[]): void {
  const keys = new Set(timers.filter((t) => isHostPlanned(model, t.activityId)).map((t) => t.key));
  if (keys.size) hold(state, keys, 0);
}

function hold(node: unknown, keys: ReadonlySet<string>, depth: number): void {
  if (!node || typeof node !== 'object' || depth > 64) return;
  const record = node as Record<string, unknown>;
  if (typeof record.executionId === 'string' && keys.has(record.executionId)) {
    if ('expireAt' in record) record.expireAt = HELD_UNTIL;
    if (typeof record.timeDate === 'string') record.timeDate = HELD_UNTIL;
  }
  for (const child of Object.values(record)) hold(child, keys, depth + 1);
}

/** Holds every timer of `keys` in a saved state: an in-memory simulation fires its timers by key, never the engine. */
export function holdTimers(state: unknown, keys: readonly string[]): void {
  if (keys.length) hold(state, new Set(keys), 0);
}
