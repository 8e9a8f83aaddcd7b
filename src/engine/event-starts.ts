// Event subprocesses started by a timer, a message or a signal: bpmn-engine never arms these starts, so the host does.
// While a scope (the process or an embedded subprocess) runs, each such start becomes a timer row / message / signal
// subscription keyed "esp/<scope>/<start>/<generation>"; firing it runs the event subprocess in the engine.
import type { DefinitionModel } from './definition-model';
import type { ArmedTimer } from './durable-timers';
import { dueDate } from './durable-timers';
import { postponedWithScope } from './postponed.util';
import type { WaitingMessage } from './run-types';

export const EVENT_START_PREFIX = 'esp/';
const PROCESS_SCOPE = 'process';

/** Kept in the instance state between commands: how often each start fired per scope, and which timer rows exist. */
export interface EventStartMemo {
  fired: Record<string, number>;
  armed: string[];
  /** Conditional starts ("scope/start") whose condition held at the last evaluation: they fire when it turns true. */
  held?: string[];
}

export interface EventStartWaits {
  timers: ArmedTimer[];
  messages: WaitingMessage[];
  signals: WaitingMessage[];
  /** Conditional starts: evaluated by the host after each command (see conditions.ts). */
  conditions: { key: string; firedKey: string; condition: string }[];
  memo: EventStartMemo;
}

interface Scope {
  key: string;
  /** The subprocess id, or undefined for the process. */
  activityId: string | undefined;
  execution: any;
}

export function isEventStartKey(key: string): boolean {
  return key.startsWith(EVENT_START_PREFIX);
}

export function emptyMemo(): EventStartMemo {
  return { fired: {}, armed: [] };
}

/** The running scopes that hold event subprocesses with host-armed starts. */
function scopes(engine: any, model: DefinitionModel): Scope[] {
  const owners = new Set(Object.values(model.elements).filter((e) => e.eventStart).map((e) => model.elements[e.eventStart!.subprocessId]?.parentId));
  if (!owners.size) return [];
  const found: Scope[] = [];
  const process = engine.execution?.definitions?.[0]?.getRunningProcesses?.()[0];
  if (owners.has(undefined) && process?.execution) found.push({ key: PROCESS_SCOPE, activityId: undefined, execution: process.execution });
  for (const { api, loopRoot } of postponedWithScope(engine, model)) {
    if (loopRoot || !owners.has(api.id) || api.type !== 'bpmn:SubProcess') continue;
    const execution = api.owner?.execution?.source?.execution;
    if (execution?.executionId) found.push({ key: execution.executionId, activityId: api.id, execution });
  }
  return found;
}

/** The starts armed now, given what fired before (`memo`), the ones fired by this command, and the clock. */
export function armEventStarts(engine: any, model: DefinitionModel, memo: EventStartMemo, now: Date): EventStartWaits {
  const waits: EventStartWaits = { timers: [], messages: [], signals: [], conditions: [], memo: { fired: {}, armed: [], held: memo.held } };
  const starts = Object.values(model.elements).filter((e) => e.eventStart);
  for (const scope of scopes(engine, model)) {
    const own = starts.filter((s) => model.elements[s.eventStart!.subprocessId]?.parentId === scope.activityId);
    const running = (espId: string) => !!scope.execution.getActivityById(espId)?.isRunning;
    // An interrupting event subprocess that runs has ended the scope's other work: nothing else may start.
    if (own.some((s) => s.eventStart!.interrupting && running(s.eventStart!.subprocessId))) continue;
    for (const start of own) {
      const { subprocessId, interrupting } = start.eventStart!;
      const firedKey = `${scope.key}/${start.id}`;
      const fired = memo.fired[firedKey] ?? 0;
      if (fired) waits.memo.fired[firedKey] = fired;
      // bpmn-elements runs one execution of an activity at a time: a repeated start waits until the previous one ended.
      if (running(subprocessId)) continue;
      const key = `${EVENT_START_PREFIX}${firedKey}/${fired}`;
      if (start.timer) {
        if (!interrupting && !cycleLeft(start.timer.type, start.timer.expression, fired)) continue;
        const dueAt = dueDate(start.timer.type, start.timer.expression, now);
        if (!dueAt) continue;
        const rearmed = memo.armed.includes(key);
        waits.timers.push({ key, activityId: start.id, timerType: start.timer.type, expression: start.timer.expression, dueAt, rearmed });
        waits.memo.armed.push(key);
      } else if (start.messageName && start.messageId) {
        waits.messages.push({ activityId: start.id, executionId: key, messageName: start.messageName, messageId: start.messageId });
      } else if (start.signalName && start.signalId) {
        waits.signals.push({ activityId: start.id, executionId: key, messageName: start.signalName, messageId: start.signalId });
      } else if (start.condition) {
        waits.conditions.push({ key, firedKey, condition: start.condition });
      }
    }
  }
  return waits;
}

/** A non-interrupting timer fires once (duration, date) or as often as its cycle says (R3/…; R/… without end). */
function cycleLeft(type: string, expression: string, fired: number): boolean {
  if (type !== 'timeCycle') return fired === 0;
  const repeat = /^R(\d*)\//.exec(expression);
  if (!repeat) return fired === 0;
  return repeat[1] === '' || fired < Number(repeat[1]);
}

/**
 * Runs the event subprocess a host-armed start belongs to. An interrupting one first starts, then discards every
 * other token of its scope (their tasks, timers and subscriptions go with them); a non-interrupting one runs beside.
 * Answers false when the start is not armed (any more).
 */
export function startEventSubprocess(engine: any, model: DefinitionModel, memo: EventStartMemo, key: string, now: Date): boolean {
  const armed = armEventStarts(engine, model, memo, now);
  const wait = [
    ...armed.timers.map((t) => ({ key: t.key, activityId: t.activityId })),
    ...[...armed.messages, ...armed.signals].map((m) => ({ key: m.executionId, activityId: m.activityId })),
    ...armed.conditions.map((c) => ({ key: c.key, activityId: c.firedKey.split('/')[1] })),
  ].find((w) => w.key === key);
  if (!wait) return false;
  const scopeKey = key.slice(EVENT_START_PREFIX.length).split('/')[0];
  const scope = scopes(engine, model).find((s) => s.key === scopeKey);
  const { subprocessId, interrupting } = model.elements[wait.activityId].eventStart!;
  const esp = scope?.execution.getActivityById(subprocessId);
  if (!esp) return false;
  const firedKey = `${scopeKey}/${wait.activityId}`;
  memo.fired[firedKey] = (memo.fired[firedKey] ?? 0) + 1;
  const others = interrupting ? scope!.execution.getPostponed().filter((api: any) => api.id !== subprocessId && api.type !== 'bpmn:SequenceFlow') : [];
  esp.run();
  for (const api of others) api.discard();
  return true;
}
