// The Timers implementation handed to bpmn-engine: it never arms a real setTimeout; it records what the
// engine wants armed so the host can keep timers as database rows, and fires the ones a command asks for.
import { getDate, ISOInterval } from '@0dep/piso';
import type { Clock } from '../common/clock';

export interface ArmedTimer {
  key: string;
  activityId: string;
  timerType: string;
  expression: string | null;
  dueAt: Date;
  /** true when armed while resuming: the row already exists and keeps its due_at. */
  rearmed: boolean;
}

interface Owner {
  id: string;
  executionId: string;
  timerType?: string;
  expireAt?: Date | string;
  timeDuration?: string;
  timeDate?: string;
  timeCycle?: string;
}

interface Handle {
  key: string;
}

export class DurableTimers {
  private readonly armed = new Map<string, ArmedTimer>();
  private resuming = false;
  readonly executing: unknown[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly toFire: ReadonlySet<string> = new Set(),
  ) {}

  /** Timers armed while this flag is on are re-arms of existing rows. */
  setResuming(resuming: boolean): void {
    this.resuming = resuming;
  }

  register(owner: Owner) {
    return {
      setTimeout: (callback: () => void, delay: number) => this.arm(owner, callback, delay),
      clearTimeout: (handle: Handle) => this.clearTimeout(handle),
    };
  }

  setTimeout(): never {
    throw new Error('timers must be registered with an owner');
  }

  clearTimeout(handle: Handle | undefined): undefined {
    if (handle?.key) this.armed.delete(handle.key);
    return undefined;
  }

  /** The timers armed when the engine went idle. */
  active(): ArmedTimer[] {
    return [...this.armed.values()];
  }

  private arm(owner: Owner, callback: () => void, delay: number): Handle {
    const key = owner.executionId;
    const timerType = owner.timerType ?? 'timeDuration';
    const expression = owner[timerType as 'timeDuration'] ?? null;
    const dueAt = dueDate(timerType, expression, this.clock.now()) ?? new Date(this.clock.now().getTime() + Math.max(0, delay));
    this.armed.set(key, { key, activityId: owner.id, timerType, expression, dueAt, rearmed: this.resuming });
    // Fire what the command asks for: a timer row's key, or any timer of an activity (a timer start event).
    if (this.toFire.has(key) || this.toFire.has(`activity:${owner.id}`)) setImmediate(callback);
    return { key };
  }
}

/** Dates are absolute; durations and cycles count from the host clock (a fake one in scenario tests), to the millisecond. */
export function dueDate(timerType: string, value: string | null, now: Date): Date | null {
  if (!value) return null;
  try {
    if (timerType === 'timeDate') return getDate(value);
    return new ISOInterval(value).parse().getExpireAt(now, now);
  } catch {
    return null;
  }
}
