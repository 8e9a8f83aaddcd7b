// Runs instances in memory for a simulation, with the real engine and without rows. The engine's answer to a command
// depends only on where the instance waits, the action and the variables its expressions read; so each distinct
// situation is run once by a real bpmn-engine (recovered from the state it left) and its outcome is replayed for every
// other instance in the same situation. A live engine takes megabytes and a command tens of milliseconds; a replay
// takes microseconds, so a month of a busy desk runs in minutes.
import type { Clock } from '../common/clock';
import type { CompiledDefinition } from './compiled-definition';
import { holdTimers } from './host-planned-timers';
import { ProcessRunner } from './process-runner';
import type { Action, HistoryItem, RunResult, WaitingActivity, WaitingMessage } from './run-types';
import type { ServiceRegistry } from './service-registry';
import { fullState } from './state-variables';

/** Where an instance waits: the engine state of the run that led there (slim: without the variables). */
interface Situation {
  id: number;
  state: object;
}

interface Outcome {
  to: Situation | null;
  completed: boolean;
  activeActivityIds: string[];
  endActivityId: string | null;
  userTasks: WaitingActivity[];
  messages: WaitingMessage[];
  timers: { key: string; activityId: string; timerType: string; expression: string | null; offsetMs: number; dueAt: Date }[];
  history: Omit<HistoryItem, 'at'>[];
  /** Variables the command itself set (handlers, outputs), beyond the ones sent with the action. */
  set: Record<string, unknown>;
}

/**
 * What the engine answered in each situation of one diagram. Shared by the replications (and runs) of that diagram:
 * the answer depends only on the situation, the action and the variables read, never on which replication asked.
 */
export class SituationCache {
  readonly outcomes = new Map<string, Outcome>();
  situations = 0;
}

export class InMemoryRunner {
  private readonly runner: ProcessRunner;
  private readonly at = new Map<string, Situation>();
  /** Commands the engine ran, and commands answered from an identical situation. */
  engineRuns = 0;
  replays = 0;

  /** `relevant`: the variables the diagram's expressions read (they decide the outcome); null runs every command. */
  constructor(
    private readonly definition: CompiledDefinition,
    private readonly clock: Clock,
    registry: ServiceRegistry,
    private readonly relevant: ReadonlySet<string> | null,
    private readonly cache = new SituationCache(),
  ) {
    this.runner = new ProcessRunner(registry, clock);
  }

  /** Active instances. */
  get size(): number {
    return this.at.size;
  }

  async run(instanceId: string, action: Action, variables: Record<string, unknown>): Promise<RunResult> {
    const from = action.type === 'start' ? null : this.at.get(instanceId);
    if (from === undefined) throw new Error(`instance ${instanceId} is not active in this simulation`);
    const merged = { ...variables, ...('variables' in action ? action.variables : undefined) };
    const key = this.relevant && `${from?.id ?? 'start'}|${actionKey(action)}|${JSON.stringify(pick(merged, this.relevant))}`;
    let outcome = key ? this.cache.outcomes.get(key) : undefined;
    if (outcome) this.replays++;
    else {
      outcome = await this.runEngine(instanceId, from, action, variables, merged);
      if (key) this.cache.outcomes.set(key, outcome);
    }
    if (outcome.completed || !outcome.to) this.at.delete(instanceId);
    else this.at.set(instanceId, outcome.to);
    return this.resultOf(outcome, { ...merged, ...outcome.set });
  }

  drop(instanceId: string): void {
    this.at.delete(instanceId);
  }

  private async runEngine(instanceId: string, from: Situation | null, action: Action, variables: Record<string, unknown>, merged: Record<string, unknown>): Promise<Outcome> {
    this.engineRuns++;
    const now = this.clock.now().getTime();
    const state = from ? fullState(structuredClone(from.state), variables) : null;
    const r = await this.runner.run({ definition: this.definition, instanceId, businessKey: instanceId, state, variables, action });
    holdTimers(r.state, r.timers.map((t) => t.key));
    const set = Object.fromEntries(Object.entries(r.variables).filter(([k, v]) => !Object.is(merged[k], v)));
    return {
      to: r.completed ? null : { id: ++this.cache.situations, state: r.state },
      completed: r.completed,
      activeActivityIds: r.activeActivityIds,
      endActivityId: r.endActivityId,
      userTasks: r.userTasks,
      messages: r.messages,
      timers: r.timers.map((t) => ({ key: t.key, activityId: t.activityId, timerType: t.timerType, expression: t.expression, offsetMs: t.dueAt.getTime() - now, dueAt: t.dueAt })),
      history: r.history.map(({ type, activityId, detail }) => ({ type, activityId, detail })),
      set,
    };
  }

  private resultOf(o: Outcome, variables: Record<string, unknown>): RunResult {
    const now = this.clock.now();
    return {
      state: {},
      completed: o.completed,
      variables,
      activeActivityIds: o.activeActivityIds,
      endActivityId: o.endActivityId,
      userTasks: o.userTasks,
      messages: o.messages,
      // A duration counts from this command; a date stays where it is.
      timers: o.timers.map((t) => ({ key: t.key, activityId: t.activityId, timerType: t.timerType, expression: t.expression, rearmed: false, dueAt: t.timerType === 'timeDate' ? t.dueAt : new Date(now.getTime() + t.offsetMs) })),
      signals: [],
      thrownSignals: [],
      calls: [],
      history: o.history.map((h) => ({ ...h, at: now })),
      failures: [],
      externalTasks: [],
    };
  }
}

function actionKey(action: Action): string {
  if (action.type === 'start') return 'start';
  if (action.type === 'signal') return `signal:${action.executionId}:${action.messageId ?? ''}`;
  if (action.type === 'fireTimers') return `timers:${action.keys.join(',')}`;
  return JSON.stringify(action);
}

function pick(vars: Record<string, unknown>, names: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...names].sort()) if (vars[name] !== undefined) out[name] = vars[name];
  return out;
}
