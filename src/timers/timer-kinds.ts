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

@Injectable()
export class TimerKinds {
  private readonly handlers = new Map<string, TimerHandler>();

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
