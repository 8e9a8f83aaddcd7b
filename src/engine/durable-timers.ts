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
  /** What the engine itself will compare on resume (its own expireAt, real time), and what fires it, by key. */
  private readonly expiries = new Map<string, { owner: Owner; expireAt: number; callback: () => void }>();
  private resuming = false;
  readonly executing: unknown[] = [];

  constructor(
    private readonly clock: Clock,
    private toFire: ReadonlySet<string> = new Set(),
  ) {}

  /** The next command on the same engine (a cached one): what it asks to fire. */
  prepare(toFire: ReadonlySet<string>): void {
    this.toFire = toFire;
  }

  /**
   * A cached engine's next command: its timers are reported as a resume would report them (re-arms of their rows,
   * due dates computed anew), so the result matches the one recovering from the row.
   */
  rearmAll(): void {
    this.resuming = true;
    for (const [key, { owner, expireAt }] of this.expiries) if (this.armed.has(key)) this.record(owner, expireAt - Date.now());
    this.resuming = false;
  }

  /**
   * A cached engine firing timer rows: what a recovered engine does when it re-arms a key the command asks for (the
   * engine's own callback, on the next turn). Returns false when a key is not armed here.
   */
  fireArmed(keys: readonly string[]): boolean {
    const callbacks = keys.map((key) => (this.armed.has(key) ? this.expiries.get(key)?.callback : undefined));
    if (callbacks.some((callback) => !callback)) return false;
    for (const callback of callbacks) setImmediate(callback!);
    return true;
  }

  /** Whether a timer (other than `firing`) has passed the time at which the engine, recovered now, would fire it at once. */
  anyExpired(nowMs = Date.now(), firing: readonly string[] = []): boolean {
    for (const key of this.armed.keys()) {
      if (firing.includes(key)) continue;
      const expiry = this.expiries.get(key);
      if (!expiry || !(expiry.expireAt > nowMs)) return true;
    }
    return false;
  }

  isArmed(key: string): boolean {
    return this.armed.has(key) && this.expiries.has(key);
  }

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
    if (handle?.key) {
      this.armed.delete(handle.key);
      this.expiries.delete(handle.key);
    }
    return undefined;
  }

  /** The timers armed when the engine went idle. */
  active(): ArmedTimer[] {
    return [...this.armed.values()];
  }

  private arm(owner: Owner, callback: () => void, delay: number): Handle {
    const key = this.record(owner, delay);
    const expireAt = owner.expireAt === undefined ? Date.now() + delay : new Date(owner.expireAt).getTime();
    this.expiries.set(key, { owner, expireAt, callback });
    // Fire what the command asks for: a timer row's key, or any timer of an activity (a timer start event).
    if (this.toFire.has(key) || this.toFire.has(`activity:${owner.id}`)) setImmediate(callback);
    return { key };
  }

  private record(owner: Owner, delay: number): string {
    const key = owner.executionId;
    const timerType = owner.timerType ?? 'timeDuration';
    const expression = owner[timerType as 'timeDuration'] ?? null;
    const dueAt = dueDate(timerType, expression, this.clock.now()) ?? new Date(this.clock.now().getTime() + Math.max(0, delay));
    this.armed.set(key, { key, activityId: owner.id, timerType, expression, dueAt, rearmed: this.resuming });
    return key;
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
