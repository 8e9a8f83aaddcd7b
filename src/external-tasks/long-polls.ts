// Long polling for fetch-and-lock: requests wait (at most asyncResponseTimeout) until a task of their topics appears.
// One query per EXTERNAL_TASK_POLL_MS per replica, only while someone waits, finds topics with fetchable work, on any
// replica's commit; no LISTEN/NOTIFY (it serialises every commit of the cluster on one lock, see README).
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { ExternalTaskRepository } from './external-task.repository';

interface Waiter {
  topics: string[];
  busy: boolean;
  attempt: () => Promise<unknown[]>;
  finish: (tasks: unknown[]) => void;
}

@Injectable()
export class LongPolls implements OnApplicationShutdown {
  private readonly waiters = new Set<Waiter>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly tasks: ExternalTaskRepository,
    private readonly clock: Clock,
  ) {}

  get size(): number {
    return this.waiters.size;
  }

  /**
   * Resolves with what `attempt` locks once a task of `topics` is fetchable, or with [] after `timeoutMs`, when the
   * client goes away (`signal`) or the server shuts down. Each replica caps how many wait at once.
   */
  wait<T>(args: { topics: string[]; timeoutMs: number; signal?: AbortSignal; attempt: () => Promise<T[]> }): Promise<T[]> {
    if (this.waiters.size >= this.config.EXTERNAL_TASK_MAX_LONG_POLLS) {
      throw new DomainError(ErrorCode.TooManyRequests, `too many waiting long polls on this server (${this.config.EXTERNAL_TASK_MAX_LONG_POLLS}); retry later or use a shorter asyncResponseTimeout`);
    }
    return new Promise<T[]>((resolve) => {
      const waiter: Waiter = {
        topics: args.topics,
        busy: false,
        attempt: args.attempt,
        finish: (tasks) => {
          if (!this.waiters.delete(waiter)) return;
          clearTimeout(timeout);
          args.signal?.removeEventListener('abort', onAbort);
          resolve(tasks as T[]);
        },
      };
      const onAbort = () => waiter.finish([]);
      const timeout = setTimeout(() => waiter.finish([]), args.timeoutMs);
      this.waiters.add(waiter);
      args.signal?.addEventListener('abort', onAbort);
      this.schedule();
    });
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of [...this.waiters]) waiter.finish([]);
  }

  private schedule(): void {
    if (this.timer || !this.waiters.size) return;
    this.timer = setTimeout(() => void this.poll(), this.config.EXTERNAL_TASK_POLL_MS);
    this.timer.unref();
  }

  /** Wakes the waiters of topics that have work, oldest first; each tries to lock its tasks (SKIP LOCKED). */
  private async poll(): Promise<void> {
    try {
      const topics = [...new Set([...this.waiters].flatMap((w) => w.topics))];
      const withWork = await this.tasks.topicsWithWork(topics, this.clock.now());
      for (const waiter of [...this.waiters]) {
        if (waiter.busy || !waiter.topics.some((t) => withWork.has(t)) || !this.waiters.has(waiter)) continue;
        waiter.busy = true;
        const locked = await waiter.attempt().finally(() => (waiter.busy = false));
        if (locked.length) waiter.finish(locked);
      }
    } catch {
      // a failed poll (database restarting) is retried on the next tick; the waiters time out as promised
    } finally {
      this.timer = undefined;
      this.schedule();
    }
  }
}
