// What the loop asks of the model and the diagram: a task's duration fit, a role's slots, a timer's due time on its
// calendar, the process's own SLA policy, and whether a message catch is a boundary on a user task.
import type { DefinitionModel } from '../../engine/definition-model';
import type { SlaConfig } from '../../sla/sla-config';
import { planTimer } from '../../timers/timer-plan.util';
import type { Adjustments, Lognormal, SimModel } from './simulation-run.types';

const DEFAULT_DURATION: Lognormal = { meanHours: 1, cv: 1 };

/** The learned fit of a task: in working time on the desk's calendar when the model has it, else wall time open. */
export function durationFit(model: SimModel, activityId: string, role: string | null): { d: Lognormal; working: boolean } {
  const acts = model.activities ?? {};
  const a = acts[`${activityId}@${role}`] ?? acts[activityId] ?? Object.values(acts).find((x) => x.activityId === activityId);
  if (a?.working) return { d: a.working, working: true };
  return { d: a?.duration ?? DEFAULT_DURATION, working: false };
}

/**
 * Whether a task takes a person of its role: not when nobody ever claimed it while the role's other tasks were claimed
 * (it waits on someone else, e.g. the customer confirming a fix); a model without claims: every task does.
 */
export function needsStaff(model: SimModel, activityId: string, role: string | null): boolean {
  const acts = Object.values(model.activities ?? {}).filter((a) => a.role === role);
  const own = acts.filter((a) => a.activityId === activityId);
  if (!own.length || own.some((a) => a.claimedShare === undefined || a.claimedShare > 0)) return true;
  return !acts.some((a) => (a.claimedShare ?? 0) > 0);
}

/** Work slots of a role: people (± the adjustment) × tasks each has open at once; a role the model does not staff is unlimited. */
export function slotsOf(model: SimModel, adjustments: Adjustments, role: string | null): number {
  if (!role || model.staffing?.roles?.[role] === undefined) return Infinity;
  const people = Math.max(0, model.staffing.roles[role] + (adjustments.staff?.[role] ?? 0));
  return people * (model.staffing.concurrency?.[role] || 1);
}

/** A timer's due time: on its business calendar (its own, or its SLA policy's) as the timers plan it, else the engine's. */
export function timerDue(args: { model: DefinitionModel; sla: SlaConfig; activityId: string; timerType: string; expression: string | null; wallDue: Date; now: number }): number {
  const info = args.model.elements[args.activityId];
  const calendarId = info?.timerCalendar ?? (info?.timerPauseWith && args.sla.policies.get(info.timerPauseWith)?.calendar.id);
  const calendar = calendarId ? args.sla.calendars.get(calendarId) : undefined;
  const due = calendar ? (planTimer({ timerType: args.timerType, expression: args.expression, wallDue: args.wallDue, now: new Date(args.now), calendar })?.dueAt ?? args.wallDue) : args.wallDue;
  return due.getTime();
}

/** The SLA policy of the process's start event (the whole instance's clock). */
export function processPolicyOf(model: DefinitionModel): string | undefined {
  return Object.values(model.elements).find((e) => e.type === 'bpmn:StartEvent' && !e.parentId && e.slaPolicy)?.slaPolicy;
}

/** A message boundary on a user task (the customer answering instead of the agent): the task's completion decides. */
export function awaitedOnTask(model: DefinitionModel, activityId: string): boolean {
  const attachedTo = model.elements[activityId]?.attachedTo;
  return !!attachedTo && model.elements[attachedTo]?.type === 'bpmn:UserTask';
}
