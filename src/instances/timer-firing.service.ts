// Fires due timers: claim one due row (SKIP LOCKED, so replicas share the work), run the instance's fire command
// in the same transaction, commit. A crash before commit leaves the row, so the timer fires once later.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { DefinitionCache } from '../definitions/definition-cache';
import { StartTimers } from '../definitions/start-timers';
import { CALL_RETURN, CallActivities } from './call-activities';
import { SIGNAL_DELIVERY, type SignalDelivery } from './signal.repository';
import { InstanceCommandsService, type PrepareAction } from '../commands/instance-commands.service';
import type { TimerEntity } from '../database/entities';
import { TimerRepository } from './timer.repository';
import { SlaTracker } from '../sla/sla-tracker';
import { timerLateness } from '../observability/domain-metrics';

const RETRY_AFTER_MS = 60_000;

@Injectable()
export class TimerFiringService {
  constructor(
    private readonly timers: TimerRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly cache: DefinitionCache,
    private readonly startTimers: StartTimers,
    private readonly calls: CallActivities,
    private readonly sla: SlaTracker,
  ) {}

  /** Fires every timer due at `now` (the clock's now by default); returns how many fired. */
  async fireDue(now: Date = this.clock.now(), max = 1000): Promise<number> {
    let fired = 0;
    // A few claim loops overlap one firing's database round trips with another's engine work; SKIP LOCKED keeps
    // them (and other replicas) on different rows.
    const loop = async () => {
      while (fired < max && (await this.fireOne(now))) fired++;
    };
    await Promise.all(Array.from({ length: this.config.TIMER_FIRING_CONCURRENCY }, loop));
    return fired;
  }

  private async fireOne(now: Date): Promise<boolean> {
    return this.commands.transaction(async (em) => {
      const timer = await this.timers.claimDue(em, now);
      if (!timer) return false;
      timerLateness.observe({ kind: timer.timerType }, Math.max(0, this.clock.now().getTime() - timer.dueAt.getTime()) / 1000);
      const history = [{ at: this.clock.now(), type: 'timer.due', activityId: timer.activityId, detail: { dueAt: timer.dueAt.toISOString() } }];
      if (timer.timerType === 'slaCheck') {
        const clockId = timer.timerKey.slice('sla:'.length);
        await this.commands.recordIn(em, timer.instanceId!, async (out, at) => void out.push(...(await this.sla.check(em, clockId, at))));
        return true;
      }
      if (timer.definitionId) {
        // A timer start event: start an instance of that version, then schedule the next occurrence.
        await this.commands.startIn(em, await this.cache.get(timer.definitionId), null, {}, history);
        await this.startTimers.afterFire(em, timer, now);
        return true;
      }
      try {
        // A child ended: the parent's call activity completes (or throws the child's error) in this transaction.
        const prepare = timer.timerType === CALL_RETURN ? this.calls.returnToParent(timer) : timer.timerType === SIGNAL_DELIVERY ? deliverSignal(timer) : async () => ({ action: { type: 'fireTimers' as const, keys: [timer.timerKey] }, history });
        await this.commands.executeIn(em, timer.instanceId!, prepare);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // The engine or a handler refused (nothing was written): try again later rather than spin on it.
        await this.timers.postpone(em, timer.id, new Date(now.getTime() + RETRY_AFTER_MS));
      }
      return true;
    });
  }
}

/** A queued signal delivery: the waiting catch receives the signal (and its variables) in this instance's command. */
function deliverSignal(timer: TimerEntity): PrepareAction {
  const delivery = JSON.parse(timer.expression ?? '{}') as SignalDelivery;
  const history = [{ at: timer.dueAt, type: 'signal.received', activityId: timer.activityId, detail: { signalId: delivery.signalId } }];
  return async () => ({ action: { type: 'signal', activityId: timer.activityId, executionId: delivery.executionId, messageId: delivery.signalId, variables: delivery.variables }, history });
}
