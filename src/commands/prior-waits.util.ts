// Whether an instance may hold a feature's rows from before a command, decided from the locked row and the model, not
// by a query: a participant whose kind of wait the instance had none of, and has none of now, has nothing to reconcile.
import type { DefinitionModel, ElementInfo } from '../engine/definition-model';

/** What the locked row said before the command: its active activities. Null when unknown (it changed version). */
export interface PriorWaits {
  activeActivityIds: readonly string[];
}

/**
 * Whether the instance may have waited, before the command, at an element passing `test`: an active activity, a
 * boundary event on one, an element inside an active subprocess, or an event-subprocess start (armed while its
 * scope runs, and not listed among the active activities). Rows of such waits are written only in the instance's own
 * commands, and go when the wait goes; so `false` means the instance holds none.
 */
export function mayHaveWaited({ model, prior, test }: { model: DefinitionModel; prior: PriorWaits | null; test: (e: ElementInfo) => boolean }): boolean {
  if (!prior) return true;
  const active = new Set(prior.activeActivityIds);
  for (const e of Object.values(model.elements)) {
    if (!e || !test(e)) continue;
    if (active.has(e.id) || e.eventStart || (e.attachedTo && active.has(e.attachedTo)) || insideActive(model, e, active)) return true;
  }
  return false;
}

/** Whether the instance's model has any element passing `test` (a feature whose rows follow the whole instance); unknown prior: true. */
export function modelMayHold({ model, prior, test }: { model: DefinitionModel; prior: PriorWaits | null; test: (e: ElementInfo) => boolean }): boolean {
  return !prior || Object.values(model.elements).some((e) => !!e && test(e));
}

function insideActive(model: DefinitionModel, e: ElementInfo, active: Set<string>): boolean {
  for (let p = e.parentId; p; p = model.elements[p]?.parentId) if (active.has(p)) return true;
  return false;
}
