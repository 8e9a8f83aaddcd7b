// Fires due timers in every replica: a pass fires what is due, then the poller sleeps until the next due time it knows
// of (the soonest row, or a timer a command of this process armed meanwhile), never longer than TIMER_POLL_MS (timers
// written by another replica are seen by then). TIMER_POLL_MS 0 disables it, as scenario tests drive firing themselves.
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { TimerFiringService } from './timer-firing.service';
import { TimerRepository } from './timer.repository';
import { TimerWakeups } from './timer-wakeups';

/** Timers one pass fires at most before it looks at the time again. */
const PASS_MAX = 1000;

@Injectable()
export class TimerPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Timers');
  private readonly intervalMs: number;
  private handle?: NodeJS.Timeout;
  /** When the sleeping poller wakes (epoch ms); Infinity while a pass runs or when stopped. */
  private wakeAt = Infinity;
  /** The soonest wake-up asked for while a pass ran. */
  private asked = Infinity;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    config: AppConfig,
    private readonly firing: TimerFiringService,
    private readonly timers: TimerRepository,
    private readonly clock: Clock,
    wakeups: TimerWakeups,
  ) {
    this.intervalMs = config.TIMER_POLL_MS;
    wakeups.listen((at) => this.wakeBy(at.getTime()));
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.stopped = false;
    this.sleepUntil(this.clock.now().getTime() + this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.handle);
    await this.running;
  }

  /** Wakes the poller by `atMs` (a pass that runs now looks again right after, if that is sooner than it planned). */
  wakeBy(atMs: number): void {
    if (this.stopped) return;
    if (this.running) this.asked = Math.min(this.asked, atMs);
    else if (atMs < this.wakeAt) this.sleepUntil(atMs);
  }

  private sleepUntil(atMs: number): void {
    clearTimeout(this.handle);
    this.wakeAt = atMs;
    this.handle = setTimeout(() => void this.pass(), Math.max(0, atMs - this.clock.now().getTime()));
  }

  private async pass(): Promise<void> {
    this.wakeAt = Infinity;
    this.asked = Infinity;
    let next = Infinity;
    this.running = (async () => {
      try {
        const started = this.clock.now();
        const fired = await this.firing.fireDue(undefined, PASS_MAX);
        // What was due before the pass and is still there is held by another replica or a busy instance: the regular
        // interval retries it; rows falling due during the pass (or later) set the wake-up. A full pass goes on at once.
        next = fired >= PASS_MAX ? 0 : ((await this.timers.nextDueAfter(started))?.getTime() ?? Infinity);
      } catch (err) {
        this.logger.error({ err }, 'timer poll failed');
      }
    })();
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    // +1 ms: the column keeps microseconds, a Date only milliseconds, so a row is due only just after its Date.
    this.sleepUntil(Math.min(this.clock.now().getTime() + this.intervalMs, next + 1, this.asked));
  }
}
