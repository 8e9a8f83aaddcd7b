// BPMN timers on a business calendar inside every command: fresh ones get their working-time due time, and timers that
// follow an SLA policy stop while the instance waits where that policy's clocks pause, resuming with the time left.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TimerEntity } from '../database/entities';
import type { DefinitionModel } from '../engine/definition-model';
import type { ArmedTimer } from '../engine/durable-timers';
import { HELD_UNTIL } from '../engine/host-planned-timers';
import type { HistoryItem } from '../engine/run-types';
import type { BusinessCalendar } from '../sla/business-calendar';
import { addBusinessTime } from '../sla/business-time.util';
import { SlaConfig } from '../sla/sla-config';
import { calendarVersion, planTimer, workingTimeLeft } from './timer-plan.util';
import { TimerPlanRepository } from './timer-plan.repository';

/** An armed timer with the calendar columns its row gets. */
export type PlannedTimer = ArmedTimer & { plan?: Partial<TimerEntity> };

/** While paused a timer's row is due at the far end of time; it never fires then. */
export const PAUSED_DUE = new Date(HELD_UNTIL);

@Injectable()
export class CalendarTimers {
  constructor(
    private readonly sla: SlaConfig,
    private readonly plans: TimerPlanRepository,
    private readonly db: DataSource,
  ) {}

  /** Each instance's next BPMN timer as people read it (the board): wall due time and, on a calendar, working time left. */
  async nextOf(instanceIds: string[], now: Date): Promise<Map<string, { activityId: string; dueAt: Date | null } & ReturnType<CalendarTimers['describe']>>> {
    const rows = await this.plans.nextEngineTimers(this.db.manager, [...new Set(instanceIds)]);
    return new Map(rows.map((r) => [r.instanceId!, { activityId: r.activityId, dueAt: r.pausedAt ? null : r.dueAt, ...this.describe(r, now) }]));
  }

  /** The calendar an activity's timer counts on: its own, else the one of the SLA policy it follows; none = wall clock. */
  calendarOf(model: DefinitionModel, activityId: string): BusinessCalendar | undefined {
    const info = model.elements[activityId];
    if (info?.timerCalendar) return this.sla.calendars.get(info.timerCalendar);
    if (info?.timerPauseWith) return this.sla.policies.get(info.timerPauseWith)?.calendar;
    return undefined;
  }

  calendar(id: string | null | undefined): BusinessCalendar | undefined {
    return id ? this.sla.calendars.get(id) : undefined;
  }

  /** How a timer row reads for people: its calendar, whether it is paused, the working time left (null on the wall clock). */
  describe(row: TimerEntity, now: Date): { calendar: { id: string; name: string; timeZone: string } | null; paused: boolean; workingLeftMs: number | null } {
    const calendar = this.calendar(row.calendar);
    if (!calendar) return { calendar: null, paused: false, workingLeftMs: null };
    const paused = !!row.pausedAt;
    const workingLeftMs = paused ? (row.workMs ?? null) : workingTimeLeft({ now, dueAt: row.dueAt, calendar });
    return { calendar: { id: calendar.id, name: calendar.name, timeZone: calendar.timeZone }, paused, workingLeftMs };
  }

  /** Fresh timers of calendar activities get their working-time due time (re-arms keep their rows). */
  plan(model: DefinitionModel, armed: ArmedTimer[], now: Date): PlannedTimer[] {
    return armed.map((timer) => {
      const calendar = timer.rearmed ? undefined : this.calendarOf(model, timer.activityId);
      if (!calendar) return timer;
      const plan = planTimer({ timerType: timer.timerType, expression: timer.expression, wallDue: timer.dueAt, now, calendar });
      if (!plan) return timer;
      const columns = { calendar: calendar.id, pauseWith: model.elements[timer.activityId]?.timerPauseWith ?? null, workFrom: plan.workFrom, workMs: plan.workMs, pausedAt: null, calendarVersion: calendarVersion(calendar) };
      return { ...timer, dueAt: plan.dueAt, plan: columns };
    });
  }

  /** Pauses or resumes the instance's timers that follow an SLA policy, after its rows are reconciled. */
  async followPauses(em: EntityManager, args: { instanceId: string; model: DefinitionModel; activeActivityIds: string[]; now: Date; history: HistoryItem[] }): Promise<void> {
    const { model, now } = args;
    if (!Object.values(model.elements).some((e) => e.timerPauseWith)) return;
    const waiting = args.activeActivityIds.some((id) => model.elements[id]?.slaPause);
    for (const row of await this.plans.followingPauses(em, args.instanceId)) {
      const calendar = this.calendar(row.calendar);
      if (!calendar) continue;
      if (waiting && !row.pausedAt) {
        const left = workingTimeLeft({ now, dueAt: row.dueAt, calendar });
        await this.plans.save(em, row, { dueAt: PAUSED_DUE, workFrom: null, workMs: left, pausedAt: now, calendarVersion: row.calendarVersion ?? null });
        args.history.push({ at: now, type: 'timer.paused', activityId: row.activityId, detail: { timerKey: row.timerKey, policy: row.pauseWith, remainingWorkMs: left } });
      } else if (!waiting && row.pausedAt) {
        const dueAt = addBusinessTime({ start: now, durationMs: row.workMs ?? 0, calendar });
        await this.plans.save(em, row, { dueAt, workFrom: now, workMs: row.workMs ?? 0, pausedAt: null, calendarVersion: calendarVersion(calendar) });
        args.history.push({ at: now, type: 'timer.resumed', activityId: row.activityId, detail: { timerKey: row.timerKey, policy: row.pauseWith, remainingWorkMs: row.workMs, dueAt: dueAt.toISOString() } });
      }
    }
  }
}
