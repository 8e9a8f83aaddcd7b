// Error and escalation codes of events, read at deploy: which boundary on a call activity catches what a child throws,
// and whether an escalation thrown in a process is caught inside it (only an uncaught one travels to the parent).
import type { DefinitionModel, ElementInfo } from './definition-model';
import type { ModdleElement } from './moddle-reader';

export interface EventCode {
  kind: 'error' | 'escalation';
  /** null: catches every code (no errorRef / escalationRef, or a reference without a code). */
  code: string | null;
  /** The bpmn:error / bpmn:escalation id, which the engine matches a caught escalation by. */
  refId: string | null;
  name: string | null;
}

export function readEventCode(element: ModdleElement): EventCode | undefined {
  const definition = element.eventDefinitions?.find((d: ModdleElement) => d.$type === 'bpmn:ErrorEventDefinition' || d.$type === 'bpmn:EscalationEventDefinition');
  if (!definition) return undefined;
  const kind = definition.$type === 'bpmn:ErrorEventDefinition' ? 'error' : 'escalation';
  const ref = kind === 'error' ? definition.errorRef : definition.escalationRef;
  const code = kind === 'error' ? ref?.errorCode : ref?.escalationCode;
  return { kind, code: code || null, refId: ref?.id ?? null, name: ref?.name ?? null };
}

const catches = (info: ElementInfo | undefined, kind: EventCode['kind'], code: string | null, exact: boolean): boolean =>
  info?.event?.kind === kind && (exact ? info.event.code !== null && info.event.code === code : info.event.code === null);

/** The boundary event on `activityId` that catches `kind` with `code`: one naming that code first, else a catch-all. */
export function catchingBoundary(model: DefinitionModel, activityId: string, kind: EventCode['kind'], code: string | null): ElementInfo | undefined {
  const boundaries = Object.values(model.elements).filter((e) => e.type === 'bpmn:BoundaryEvent' && e.attachedTo === activityId);
  return boundaries.find((b) => catches(b, kind, code, true)) ?? boundaries.find((b) => catches(b, kind, code, false));
}

/** An escalation thrown at `activityId` is caught inside its process: by a boundary on an enclosing subprocess or by an event subprocess of an enclosing scope. */
export function escalationCaughtInside(model: DefinitionModel, activityId: string, code: string | null): boolean {
  const matches = (info: ElementInfo) => catches(info, 'escalation', code, true) || catches(info, 'escalation', code, false);
  const elements = Object.values(model.elements);
  let scope = model.elements[activityId]?.parentId;
  for (;;) {
    const eventSubprocesses = elements.filter((e) => e.triggeredByEvent && e.parentId === scope).map((e) => e.id);
    if (elements.some((e) => e.type === 'bpmn:StartEvent' && e.parentId && eventSubprocesses.includes(e.parentId) && matches(e))) return true;
    if (scope === undefined) return false;
    if (catchingBoundary(model, scope, 'escalation', code)) return true;
    scope = model.elements[scope]?.parentId;
  }
}
