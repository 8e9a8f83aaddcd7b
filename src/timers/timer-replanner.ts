// An edited business calendar re-plans the timers armed on it: all in one transaction, under each instance's lock, with a
// timer.replanned history entry per timer. Runs at boot (sla.json is read then) and whenever a calendar changes.
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { SlaConfig } from '../sla/sla-config';
import { CalendarTimers } from './calendar-timers';
import { calendarVersion, replanTimer } from './timer-plan.util';
import { TimerPlanRepository } from './timer-plan.repository';

@Injectable()
export class TimerReplanner implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    private readonly sla: SlaConfig,
    private readonly plans: TimerPlanRepository,
    private readonly calendars: CalendarTimers,
    private readonly commands: InstanceCommandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.replanEdited();
  }

  /** Re-plans every timer whose calendar changed since it was planned; returns how many. */
  replanEdited(): Promise<number> {
    return this.db.transaction((em) => this.replanIn(em));
  }

  async replanIn(em: EntityManager): Promise<number> {
    const versions = new Map([...this.sla.calendars.values()].map((c) => [c.id, calendarVersion(c)]));
    let count = 0;
    for (const instanceId of await this.plans.instancesOutdated(em, versions)) {
      await this.commands.recordIn(em, instanceId, async (history, now) => {
        for (const row of await this.plans.outdatedOf(em, instanceId, versions)) {
          const calendar = this.calendars.calendar(row.calendar)!;
          const version = versions.get(calendar.id)!;
          // A paused timer keeps its working time left; the new calendar applies when it resumes.
          const dueAt = row.pausedAt ? row.dueAt : replanTimer({ timerType: row.timerType, expression: row.expression, workFrom: row.workFrom ?? null, workMs: row.workMs ?? null, dueAt: row.dueAt, calendar });
          await this.plans.save(em, row, { dueAt, workFrom: row.workFrom ?? null, workMs: row.workMs ?? null, pausedAt: row.pausedAt ?? null, calendarVersion: version });
          history.push({ at: now, type: 'timer.replanned', activityId: row.activityId, detail: { timerKey: row.timerKey, calendar: calendar.id, previousDueAt: row.dueAt.toISOString(), dueAt: dueAt.toISOString() } });
          count++;
        }
      });
    }
    return count;
  }
}
