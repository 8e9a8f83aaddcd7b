// Listens to one command's engine events: counts steps (to stop endless loops), records history,
// and reads the waits (user tasks, message catches, timers) once the engine is idle.
import type { Clock } from '../common/clock';
import type { DefinitionModel } from './definition-model';
import type { DurableTimers } from './durable-timers';
import { postponedWithScope } from './postponed.util';
import { slimState } from './state-variables';
import type { HistoryItem, RunResult, ThrownError, WaitingActivity, WaitingMessage } from './run-types';

const RECORDED: Record<string, string> = {
  'process.start': 'process.started',
  'process.end': 'process.completed',
  'activity.start': 'activity.started',
  'activity.end': 'activity.completed',
  'activity.timeout': 'timer.fired',
  'activity.error': 'activity.failed',
};

export class RunCollector {
  steps = 0;
  runaway = false;
  lastActivityId: string | null = null;
  /** A BPMN error thrown at the process level (an error end event): nothing in the process can catch it. */
  thrown: ThrownError | undefined;
  private readonly thrownSignals: string[] = [];
  /** Activities that threw an escalation in this command (intermediate throw or end events). */
  readonly escalated: string[] = [];
  private endActivityId: string | null = null;
  private readonly history: HistoryItem[] = [];
  private runawayHandler: () => void = () => undefined;

  constructor(
    private readonly clock: Clock,
    private readonly model: DefinitionModel,
    private readonly maxSteps: number,
  ) {}

  onRunaway(handler: () => void): void {
    this.runawayHandler = handler;
  }

  /** Handlers and the host add their own entries through this. */
  readonly record = (type: string, detail?: Record<string, unknown>, activityId: string | null = null): void => {
    this.history.push({ at: this.clock.now(), type, activityId, detail: detail ?? null });
  };

  listener() {
    return { emit: (event: string, api: any) => this.onEvent(event, api) };
  }

  private onEvent(event: string, api: any): void {
    if (event === 'activity.start') {
      this.steps++;
      this.lastActivityId = api?.id ?? null;
      if (this.steps > this.maxSteps && !this.runaway) {
        this.runaway = true;
        this.runawayHandler();
      }
    }
    // A terminate end event ends the process before its own activity.end: its start is where the process ended.
    if ((event === 'activity.end' || event === 'activity.start') && api?.type === 'bpmn:EndEvent') this.endActivityId = api.id;
    if (event === 'activity.signal' && api?.content?.message?.name) this.thrownSignals.push(api.content.message.name);
    if (event === 'activity.escalate' && api?.id) this.escalated.push(api.id);
    if (event === 'activity.throw' && api?.content?.parent?.id === this.model.processId && api.content.message) {
      const m = api.content.message;
      this.thrown = { code: m.code ?? null, name: m.name ?? null, message: m.name ?? m.id ?? 'BPMN error' };
    }
    const type = RECORDED[event];
    // Resuming re-emits waits and timers, none of which is recorded; what happens while resuming (a timer whose
    // date has passed completing at once) is recorded like everything else.
    if (!type || api?.type === 'bpmn:SequenceFlow') return;
    const isProcess = event.startsWith('process.');
    this.history.push({
      at: this.clock.now(),
      type,
      activityId: isProcess ? null : (api?.id ?? null),
      detail: isProcess ? null : { activityType: api?.type, name: this.model.elements[api?.id]?.name ?? api?.id },
    });
  }

  /** The result of a process ended by an uncaught BPMN error (a child's error end event): nothing waits any more. */
  async ended(_engine: any, variables: Record<string, unknown>): Promise<Omit<RunResult, 'failures' | 'externalTasks'>> {
    return { state: {}, completed: true, variables, activeActivityIds: [], endActivityId: this.endActivityId ?? this.lastActivityId, userTasks: [], messages: [], timers: [], calls: [], signals: [], thrownSignals: this.thrownSignals, history: this.history };
  }

  async result(engine: any, timers: DurableTimers, variables: Record<string, unknown>): Promise<Omit<RunResult, 'failures' | 'externalTasks'>> {
    // In-transit sequence flows are listed too; only activities wait.
    const waits = postponedWithScope(engine, this.model);
    const postponed = waits.map((w) => w.api);
    const userTasks: WaitingActivity[] = [];
    const messages: WaitingMessage[] = [];
    const calls: WaitingActivity[] = [];
    const signals: WaitingMessage[] = [];
    for (const { api, locals, loopRoot } of waits) {
      const info = this.model.elements[api.id];
      if (api.type === 'bpmn:UserTask' && !loopRoot) userTasks.push({ activityId: api.id, executionId: api.executionId, ...(locals && { localVariables: locals }) });
      if (api.type === 'bpmn:CallActivity' && !loopRoot) calls.push({ activityId: api.id, executionId: api.executionId, ...(locals && { localVariables: locals }) });
      const isCatch = api.type !== 'bpmn:IntermediateThrowEvent' && api.type !== 'bpmn:EndEvent';
      if (info?.signalName && info.signalId && isCatch && !loopRoot) signals.push({ activityId: api.id, executionId: api.executionId, messageName: info.signalName, messageId: info.signalId });
      if (info?.messageName && info.messageId && !loopRoot) messages.push({ activityId: api.id, executionId: api.executionId, messageName: info.messageName, messageId: info.messageId });
    }
    const state = await engine.getState();
    for (const definition of state.definitions ?? []) delete definition.source; // slim: the source is the definition version
    slimState(state, variables); // and the variables are the instance's column
    return {
      state,
      completed: postponed.length === 0,
      variables,
      activeActivityIds: [...new Set(postponed.map((a) => a.id as string))],
      endActivityId: this.endActivityId,
      userTasks,
      messages,
      timers: timers.active(),
      calls,
      signals,
      thrownSignals: this.thrownSignals,
      history: this.history,
    };
  }
}
