// One bpmn-engine with the per-command parts it was built with made swappable, so it can serve several commands.
import { Engine } from 'bpmn-engine';
import type { Clock } from '../common/clock';
import type { CompiledDefinition } from './compiled-definition';
import { DurableTimers } from './durable-timers';
import { isEventStartKey } from './event-starts';
import { createExtension, type ServiceCallTracker } from './engine-extension';
import { expressions, NoScripts, silentLogger } from './engine-environment';
import { assignEverywhere } from './postponed.util';
import type { RunCollector } from './run-collector';
import type { Action } from './run-types';
import type { ServiceRegistry } from './service-registry';

type Listener = { emit(event: string, api: any): void };

/**
 * The engine's extension, timers, listener and error handler are bound once at construction; they reach the
 * current command's collector, failures and tracker fields through this object, which `begin` rebinds.
 */
export class LiveEngine {
  readonly engine: any;
  readonly timers: DurableTimers;
  readonly tracker: ServiceCallTracker;
  /** The engine's execution listener: forwards to the current command's collector. */
  readonly listener: Listener = { emit: (event, api) => this.target.emit(event, api) };
  failures: Error[] = [];
  /** The instance revision this engine stands for once its command commits (set by the cache's host). */
  revision = -1;
  /** Estimated heap bytes (see EngineCache). */
  bytes = 0;
  private target: Listener = { emit: () => undefined };
  private collector!: RunCollector;

  constructor(
    readonly definition: CompiledDefinition,
    readonly instanceId: string,
    businessKey: string | null,
    clock: Clock,
    registry: ServiceRegistry,
  ) {
    this.timers = new DurableTimers(clock);
    const tracker: ServiceCallTracker = {
      pending: 0,
      failures: [],
      skip: new Map(),
      external: { waits: [] },
      variables: () => processVariables(this.engine),
      assign: (vars) => assignEverywhere(this.engine, processEnvironment(this.engine), vars),
      context: (activityId) => ({
        instanceId,
        businessKey,
        now: clock.now(),
        record: (type, detail) => this.collector.record(type, detail, activityId),
      }),
    };
    this.tracker = tracker;
    this.engine = new Engine({
      name: instanceId,
      sourceContext: definition.sourceContext,
      expressions,
      scripts: new NoScripts(),
      timers: this.timers,
      Logger: silentLogger,
      extensions: { ops: createExtension(definition.model, registry, tracker) },
    } as any);
    this.engine.on('error', (err: Error) => this.failures.push(err));
  }

  /** Binds the next command: its collector, its timers to fire, its skipped and external service outcomes. */
  begin(collector: RunCollector, action: Action): void {
    this.collector = collector;
    this.target = collector.listener();
    this.failures = [];
    this.timers.prepare(new Set(action.type === 'fireTimers' ? action.keys : []));
    Object.assign(this.tracker, {
      pending: 0,
      failures: [],
      skip: new Map(action.type === 'resume' && action.skip ? [[action.skip.executionId, action.skip.variables]] : []),
      external: { waits: [], outcome: action.type === 'resume' ? action.external : undefined },
    });
  }

  /**
   * Whether this engine may take `action` in place of recovering the row: only when the result cannot differ, i.e. a
   * task, message or call-activity outcome, or timer rows firing (their keys all armed here: a resume would fire them
   * on re-arming, the engine's own callbacks do the same), on the same definition version, and no other timer due
   * that a resume would fire at once. Incident retries act while resuming, so those recover.
   */
  canServe(action: Action, definitionId: string): boolean {
    if (this.definition.id !== definitionId) return false;
    if (action.type === 'fireTimers') return action.keys.every((key) => !isEventStartKey(key) && this.timers.isArmed(key)) && !this.timers.anyExpired(Date.now(), action.keys);
    if (action.type !== 'signal' && action.type !== 'callError') return false;
    return !this.timers.anyExpired();
  }

  variables(): Record<string, unknown> {
    return processVariables(this.engine);
  }

  environment(): any {
    return processEnvironment(this.engine);
  }
}

const RESERVED_KEYS = new Set(['fields', 'content', 'properties']);

function processEnvironment(engine: any): any {
  const definition = engine?.execution?.definitions?.[0];
  const process = definition?.getRunningProcesses?.()[0] ?? definition?.getProcesses?.()[0];
  return process?.environment;
}

function processVariables(engine: any): Record<string, unknown> {
  const vars = processEnvironment(engine)?.variables ?? {};
  return Object.fromEntries(Object.entries(vars).filter(([k]) => !RESERVED_KEYS.has(k)));
}
