// The engine's timers in every command: armed timers become rows (and wake this process's poller by their due time),
// vanished ones go; cancel drops every row of the instance.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { mayHaveWaited } from '../commands/prior-waits.util';
import { CalendarTimers } from './calendar-timers';
import { TimerKinds } from './timer-kinds';
import { TimerRepository } from './timer.repository';
import { TimerWakeups } from './timer-wakeups';

@Injectable()
@CommandParticipation()
export class TimerParticipant implements CommandParticipant {
  readonly name = 'timers';
  readonly phase = Phase.Rows + 10;

  constructor(
    private readonly timers: TimerRepository,
    private readonly kinds: TimerKinds,
    private readonly calendars: CalendarTimers,
    private readonly wakeups: TimerWakeups,
  ) {}

  async onRun({ em, instance, model, result, now, newInstance, prior, history, afterCommit }: RunContext): Promise<void> {
    const armed = this.calendars.plan(model, result.timers, now);
    // No timer event waited before (its own, a boundary's, an event-subprocess start's): no engine timer row to drop.
    const none = newInstance || !mayHaveWaited({ model, prior, test: (e) => !!e.timer });
    await this.timers.reconcile(em, instance.id, armed, now, none, this.kinds.featureKinds());
    await this.calendars.followPauses(em, { instanceId: instance.id, model, activeActivityIds: result.activeActivityIds, now, history });
    // This process's poller wakes when the soonest timer armed here falls due, not at its next regular poll.
    const soonest = Math.min(...armed.map((t) => t.dueAt.getTime()));
    if (soonest < Infinity) afterCommit(() => this.wakeups.armed(new Date(soonest)));
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.timers.deleteForInstance(em, instance.id);
  }
}
