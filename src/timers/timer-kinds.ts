// Timer kinds: every row of the timers table has one, and the feature that owns a kind registers how a due row of it
// fires. Engine timers ("engine") and timer start events ("start") are the timers module's own.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TimerEntity } from '../database/entities';

export const ENGINE_TIMER = 'engine';
export const START_TIMER = 'start';

export interface TimerHandler {
  /** Fires one due row inside the transaction that claimed it (its instance row is locked too, when it has one). */
  fire(em: EntityManager, timer: TimerEntity, now: Date): Promise<void>;
  /** A refusal (DomainError) moves the row a minute on instead of failing the poll (commands that may fail later). */
  readonly postponeOnRefusal: boolean;
}

/** Takes a refused firing that failed on data (returns true: the incidents feature recorded it and parked the row). */
export type DataFailureHandler = (em: EntityManager, timer: TimerEntity, err: unknown) => Promise<boolean>;

@Injectable()
export class TimerKinds {
  private readonly handlers = new Map<string, TimerHandler>();
  private dataFailures?: DataFailureHandler;

  /** The incidents feature registers here: a firing that failed on data becomes a fixable incident, not a retry loop. */
  onDataFailure(handler: DataFailureHandler): void {
    this.dataFailures = handler;
  }

  /** Whether a refused firing was taken as a data incident (else the poller postpones it). */
  async tookDataFailure(em: EntityManager, timer: TimerEntity, err: unknown): Promise<boolean> {
    // Only the engine's timers: firing one is an instance command that can be run again (DataRetries).
    return this.dataFailures && this.kindOf(timer) === ENGINE_TIMER ? this.dataFailures(em, timer, err) : false;
  }

  /** `kind` is the row's timer_type; the engine's own timer types (timeDuration, …) all fall under "engine". */
  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) throw new Error(`timer kind "${kind}" is registered twice`);
    this.handlers.set(kind, handler);
  }

  kindOf(timer: Pick<TimerEntity, 'timerType' | 'definitionId'>): string {
    if (timer.definitionId) return START_TIMER;
    return this.handlers.has(timer.timerType) && timer.timerType !== START_TIMER ? timer.timerType : ENGINE_TIMER;
  }

  handlerOf(timer: TimerEntity): TimerHandler {
    const handler = this.handlers.get(this.kindOf(timer));
    if (!handler) throw new Error(`no handler for timer kind ${this.kindOf(timer)}`);
    return handler;
  }

  /** The kinds an instance's rows may have besides the engine's timers (the engine's reconcile leaves them alone). */
  featureKinds(): string[] {
    return [...this.handlers.keys()].filter((k) => k !== ENGINE_TIMER && k !== START_TIMER);
  }
}
