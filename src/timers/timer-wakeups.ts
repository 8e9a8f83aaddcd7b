// Tells the poller of this process when a timer it has not seen yet falls due: a command that armed a timer wakes it
// by then after commit, instead of the timer waiting for the next regular poll.
import { Injectable } from '@nestjs/common';

@Injectable()
export class TimerWakeups {
  private listener: (at: Date) => void = () => undefined;

  /** A timer row due at `at` was committed by this process. */
  armed(at: Date): void {
    this.listener(at);
  }

  /** The poller's side (one per process). */
  listen(listener: (at: Date) => void): void {
    this.listener = listener;
  }
}
