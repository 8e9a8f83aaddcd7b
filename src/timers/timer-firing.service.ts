// Fires due timers: one query claims a batch of due rows (SKIP LOCKED, so replicas share the work), each fires through
// the handler of its kind in the same transaction (under a savepoint, so one failure costs only itself), then commit.
// A crash before commit leaves the rows, so each timer fires once later.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { availableParallelism } from 'node:os';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { AppConfig } from '../config/app-config';
import type { TimerEntity } from '../database/entities';
import { timerLateness } from '../observability/domain-metrics';
import { TimerKinds } from './timer-kinds';
import { TimerRepository } from './timer.repository';

const RETRY_AFTER_MS = 60_000;

@Injectable()
export class TimerFiringService {
  private readonly loops: number;
  private readonly batch: number;

  constructor(
    private readonly timers: TimerRepository,
    private readonly kinds: TimerKinds,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    // 0 = sized to the cores: while one loop waits on the database another runs the engine.
    this.loops = config.TIMER_FIRING_CONCURRENCY || Math.max(2, availableParallelism());
    this.batch = config.TIMER_CLAIM_BATCH;
  }

  /**
   * Fires every timer due at `at`, or without `at` every timer due by the time each batch is claimed (so timers that
   * fall due while a pass works through a backlog join it), at most `max`; returns how many fired.
   */
  async fireDue(at?: Date, max = 1000): Promise<number> {
    let fired = 0;
    let failure: unknown;
    const loop = async () => {
      while (fired < max && failure === undefined) {
        const { count, error } = await this.fireBatch(at ?? this.clock.now(), Math.min(this.batch, max - fired));
        fired += count;
        failure ??= error;
        if (!count) return;
      }
    };
    // Rounds until one fires nothing: a claim skips rows another loop's claim had locked (its instance, or the row
    // itself while that claim ran), so a loop that found nothing may have missed a row the next round finds free.
    for (let before = -1; fired > before && fired < max && failure === undefined; ) {
      before = fired;
      await Promise.all(Array.from({ length: this.loops }, loop));
    }
    if (failure !== undefined) throw failure;
    return fired;
  }

  private async fireBatch(now: Date, max: number): Promise<{ count: number; error?: unknown }> {
    return this.commands.transaction(async (em) => {
      const claimed = await this.timers.claimDue(em, now, max);
      let error: unknown;
      for (const timer of claimed) {
        timerLateness.observe({ kind: timer.timerType }, Math.max(0, this.clock.now().getTime() - timer.dueAt.getTime()) / 1000);
        error ??= await this.fireOne(em, timer, now);
      }
      return { count: claimed.length, error };
    });
  }

  /** Returns the error of a firing that failed for another reason than a refusal (its row stays for a later poll). */
  private async fireOne(em: EntityManager, timer: TimerEntity, now: Date): Promise<unknown> {
    const handler = this.kinds.handlerOf(timer);
    // Not released: the next firing's savepoint of the same name stacks on it, saving a round trip per timer.
    await em.query('SAVEPOINT timer_firing');
    try {
      await handler.fire(em, timer, now);
      return undefined;
    } catch (err) {
      await em.query('ROLLBACK TO SAVEPOINT timer_firing');
      // The engine or a handler refused: on data, an incident a supervisor fixes; otherwise try again later.
      if (err instanceof DomainError && handler.postponeOnRefusal) {
        if (await this.kinds.tookDataFailure(em, timer, err)) return undefined;
        await this.timers.postpone(em, timer, new Date(now.getTime() + RETRY_AFTER_MS));
        return undefined;
      }
      return err;
    }
  }
}
