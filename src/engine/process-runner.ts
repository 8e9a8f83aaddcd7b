// Runs one command against one instance: recover state into a fresh Engine → resume → act → wait until idle →
// report state, waits (tasks, timers, messages) and history. With a cached live engine (see engine-cache.ts) at the
// row's revision it skips recover + resume and acts on that engine; an engine fit for reuse is handed to `keep`.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { CompiledDefinition } from './compiled-definition';
import { settleConditions } from './conditions';
import type { ServiceCallTracker } from './engine-extension';
import { armEventStarts, emptyMemo, type EventStartMemo, isEventStartKey, startEventSubprocess } from './event-starts';
import { isJsonStable } from './json-stable.util';
import { holdHostPlannedTimers } from './host-planned-timers';
import { LiveEngine } from './live-engine';
import { allPostponed, assignEverywhere } from './postponed.util';
import { RunCollector } from './run-collector';
import type { Action, RunResult, ThrownError, ThrownEscalation } from './run-types';
import type { DefinitionModel } from './definition-model';
import { escalationCaughtInside } from './event-codes';
import { ServiceRegistry } from './service-registry';
import { fullState } from './state-variables';

export class EngineRunError extends Error {}

/** A process that runs this many activities without reaching a wait state is stopped as an endless loop. */
const MAX_STEPS_PER_COMMAND = 2000;

export interface RunInput {
  definition: CompiledDefinition;
  instanceId: string;
  businessKey: string | null;
  /** The saved state, whose environments hold only their difference from `variables` (see state-variables). */
  state: any | null;
  /** The instance's variables column. */
  variables?: Record<string, unknown>;
  action: Action;
  /** A child of a call activity: a BPMN error ending it is a result for the parent, not a failure. */
  child?: boolean;
  /** A live engine of this instance at the row's revision (EngineHandoff.take); used only if it `canServe` the action. */
  live?: LiveEngine;
  /** Receives the engine after a successful run when it may serve the next command (idle, waiting, plain JSON). */
  keep?: (live: LiveEngine) => void;
}

@Injectable()
export class ProcessRunner {
  constructor(
    private readonly registry: ServiceRegistry,
    private readonly clock: Clock,
  ) {}

  async run(input: RunInput): Promise<RunResult> {
    const { definition, action } = input;
    const collector = new RunCollector(this.clock, definition.model, MAX_STEPS_PER_COMMAND);
    const reuse = !!input.live && input.live.instanceId === input.instanceId && input.live.canServe(action, definition.id);
    const live = reuse ? input.live! : new LiveEngine(definition, input.instanceId, input.businessKey, this.clock, this.registry);
    const { engine, timers, tracker } = live;
    live.begin(collector, action);
    // What the event-subprocess starts did so far travels in the row's state, beside the engine's own.
    const { eventStarts, ...saved } = input.state ?? {};
    const memo: EventStartMemo = eventStarts ?? emptyMemo();
    collector.onRunaway(() => void engine.stop());
    let idle = false;
    try {
      if (action.type === 'start') {
        await engine.execute({ listener: live.listener, variables: action.variables });
        // A signal or message start event waits like a catch: the event that started the instance is delivered.
        if (action.trigger) engine.execution.signal({ id: action.trigger });
      } else {
        if (reuse) {
          timers.rearmAll();
          // A cached engine fires the rows' timers itself, as a recovered one would on re-arming them (canServe checked them).
          if (action.type === 'fireTimers' && !timers.fireArmed(action.keys)) throw new EngineRunError(`timers ${action.keys.join(', ')} are not armed in the cached engine`);
        } else {
          engine.recover(fullState(saved, input.variables ?? {}));
          timers.setResuming(true);
          await engine.resume({ listener: live.listener });
          timers.setResuming(false);
        }
        this.act(live, action, { definition, memo });
      }
      await waitUntilIdle(tracker, collector, live.failures);
      if (!live.failures.length && !collector.runaway) {
        const idleAgain = () => waitUntilIdle(tracker, collector, live.failures);
        await settleConditions({ engine, model: definition.model, memo, now: this.clock.now(), variables: () => live.variables(), idle: idleAgain });
      }
      const thrown = input.child ? thrownBpmnError(live.failures) : undefined;
      const escalations = input.child ? uncaughtEscalations(definition.model, collector.escalated) : [];
      if (thrown) return { ...(await collector.ended(engine, live.variables())), thrownError: thrown, escalations, failures: [], externalTasks: [] };
      this.raiseFailures(collector, live.failures);
      const result: RunResult = { ...(await collector.result(engine, timers, live.variables())), escalations, failures: tracker.failures, externalTasks: tracker.external.waits };
      if (!result.completed) holdHostPlannedTimers(result.state, definition.model, result.timers);
      if (!result.completed) withEventStarts(result, armEventStarts(engine, definition.model, memo, this.clock.now()));
      if (input.child && result.completed && collector.thrown) result.thrownError = collector.thrown;
      idle = tracker.pending === 0;
      if (idle && input.keep && mayKeep(result)) input.keep(live);
      return result;
    } finally {
      // An idle engine waiting on tasks, messages or durable timers holds no timer or socket: it is dropped as it is
      // (or kept for the next command). Stopping it would deactivate every activity, an eighth of a command's engine
      // time. An engine with work still in flight (a failure, a runaway loop, a pending handler) is stopped. A
      // finished engine is idle and never emits 'stop': stopping it would wait forever.
      if (!idle && engine.state === 'running') await engine.stop();
    }
  }

  private act(live: LiveEngine, action: Action, starts: { definition: CompiledDefinition; memo: EventStartMemo }): void {
    const engine = live.engine;
    const startEvent = (key: string) => startEventSubprocess(engine, starts.definition.model, starts.memo, key, this.clock.now());
    switch (action.type) {
      case 'signal': {
        if (isEventStartKey(action.executionId)) {
          if (action.variables) assignEverywhere(engine, live.environment(), action.variables);
          if (!startEvent(action.executionId)) throw new EngineRunError(`event subprocess start ${action.activityId} is not armed in this instance`);
          return;
        }
        const api = allPostponed(engine).find((a: any) => a.executionId === action.executionId);
        if (!api) throw new EngineRunError(`activity ${action.activityId} is not waiting in this instance`);
        if (action.variables) assignEverywhere(engine, live.environment(), action.variables);
        if (action.messageId) engine.execution.signal({ id: action.messageId });
        // The submitted values are the iteration's output: multi-instance completion conditions count them.
        else api.signal({ ...(action.variables ?? {}) });
        return;
      }
      case 'callError': {
        const api = allPostponed(engine).find((a: any) => a.executionId === action.executionId);
        if (!api) throw new EngineRunError(`activity ${action.activityId} is not waiting in this instance`);
        // The call activity turns this into an error its boundary events catch by errorCode.
        api.sendApiMessage('error', { message: action.error.message, code: action.error.code ?? undefined, name: action.error.name ?? undefined });
        return;
      }
      case 'callEscalation': {
        const boundary = allPostponed(engine).find((a: any) => a.id === action.boundaryId);
        if (!boundary) throw new EngineRunError(`boundary event ${action.boundaryId} on ${action.activityId} is not waiting in this instance`);
        // The boundary's escalation catch takes an escalation naming its bpmn:escalation (none for a catch-all).
        boundary.sendApiMessage('escalate', { message: action.escalation.id ? { id: action.escalation.id, name: action.escalation.name } : { name: 'anonymous' } });
        return;
      }
      case 'fireTimers':
        // A start that is no longer armed (its scope ended meanwhile) does nothing: its row goes with this command.
        for (const key of action.keys.filter(isEventStartKey)) startEvent(key);
        return;
      case 'resume':
        return; // timers fire from DurableTimers on resume; nothing else to do
    }
  }

  private raiseFailures(collector: RunCollector, failures: Error[]): void {
    if (collector.runaway) throw new EngineRunError(`more than ${MAX_STEPS_PER_COMMAND} steps without a wait state: endless loop near ${collector.lastActivityId}`);
    if (failures.length) throw new EngineRunError(describeFailure(failures[0]));
  }
}

/**
 * Worth keeping: still waiting, nothing failed or waiting for an external worker (their state lives in this
 * command's tracker), and variables that the row stores unchanged (a Date or undefined would come back different).
 */
function mayKeep(result: RunResult): boolean {
  return !result.completed && !result.thrownError && result.failures.length === 0 && result.externalTasks.length === 0 && isJsonStable(result.variables);
}

/** Adds the armed event-subprocess starts to the waits, and what fired so far to the saved state. */
function withEventStarts(result: RunResult, starts: ReturnType<typeof armEventStarts>): void {
  result.timers.push(...starts.timers);
  result.messages.push(...starts.messages);
  result.signals.push(...starts.signals);
  if (starts.memo.armed.length || Object.keys(starts.memo.fired).length || starts.memo.held?.length) (result.state as any).eventStarts = starts.memo;
}

/** The escalations thrown in a child that no boundary or event subprocess in it catches. */
function uncaughtEscalations(model: DefinitionModel, activityIds: string[]): ThrownEscalation[] {
  return activityIds
    .map((id) => ({ activityId: id, code: model.elements[id]?.event?.code ?? null, name: model.elements[id]?.event?.name ?? null }))
    .filter((e) => !escalationCaughtInside(model, e.activityId, e.code));
}

function thrownBpmnError(failures: any[]): ThrownError | undefined {
  const err = failures[0];
  const bpmn = err?.type === 'BpmnError' ? err : err?.inner?.type === 'BpmnError' ? err.inner : undefined;
  if (!bpmn) return undefined;
  return { code: bpmn.code ?? null, name: bpmn.name ?? null, message: bpmn.description ?? bpmn.message ?? 'BPMN error' };
}

function describeFailure(err: any): string {
  const source = err?.source?.content?.id ?? err?.inner?.source?.content?.id;
  const message = err?.inner?.message ?? err?.message ?? String(err);
  return source ? `${source}: ${message}` : message;
}

/** Service handlers are async; the engine is idle when none is pending and a turn of the event loop brings nothing new. */
async function waitUntilIdle(tracker: ServiceCallTracker, collector: RunCollector, failures: Error[]): Promise<void> {
  for (;;) {
    const steps = collector.steps;
    await new Promise((resolve) => setImmediate(resolve));
    if (failures.length || collector.runaway) return;
    if (tracker.pending === 0 && steps === collector.steps) return;
  }
}
