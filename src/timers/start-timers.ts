// Timer start events: rows written with the deployment, an instance started when one falls due ("start" kind), and the
// next occurrence computed after each firing.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { AppConfig } from '../config/app-config';
import type { TimerEntity } from '../database/entities';
import type { DefinitionModel } from '../engine/definition-model';
import { evaluateExpression } from '../engine/feel';
import { nextOccurrence } from '../engine/timer-schedule.util';
import { nextWorkingInstant } from '../sla/business-time.util';
import { CalendarTimers } from './calendar-timers';
import { dueEntry } from './engine-timers';
import { START_TIMER, TimerKinds, type TimerHandler } from './timer-kinds';
import { StartTimerRepository, type NewStartTimer } from './start-timer.repository';

@Injectable()
export class StartTimers implements TimerHandler, OnModuleInit {
  readonly postponeOnRefusal = false;

  constructor(
    private readonly rows: StartTimerRepository,
    private readonly config: AppConfig,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly kinds: TimerKinds,
    private readonly calendars: CalendarTimers,
  ) {}

  onModuleInit(): void {
    this.kinds.register(START_TIMER, this);
  }

  /** The new version's start timers replace those of every earlier version of the key. */
  async schedule(em: EntityManager, definition: { id: string; key: string }, model: DefinitionModel, now: Date): Promise<void> {
    const rows: NewStartTimer[] = [];
    for (const { activityId, timer } of model.startTimers) {
      const value = String(evaluateExpression(timer.expression, {}));
      const calendar = this.calendars.calendarOf(model, activityId)?.id ?? null;
      const dueAt = this.onCalendar(calendar, this.next(timer.type, value, now, 0, now));
      if (dueAt) rows.push({ definitionId: definition.id, activityId, timerKey: `start:${activityId}`, timerType: timer.type, expression: value, dueAt, calendar });
    }
    await this.rows.replace(em, definition.key, rows, now);
  }

  /** Starts an instance of that version, then schedules the next occurrence. */
  async fire(em: EntityManager, timer: TimerEntity, now: Date): Promise<void> {
    await this.commands.startByIdIn(em, timer.definitionId!, [dueEntry(timer, this.clock.now())]);
    await this.afterFire(em, timer, now);
  }

  /** A start timer that fell due while every server was down fires once, then continues from now. */
  private async afterFire(em: EntityManager, timer: TimerEntity, now: Date): Promise<void> {
    const after = timer.dueAt > now ? timer.dueAt : now;
    const calendar = timer.calendar === undefined ? await this.rows.calendarOf(em, timer.id) : timer.calendar;
    const next = this.onCalendar(calendar, this.next(timer.timerType, timer.expression ?? '', after, timer.firedCount + 1, timer.createdAt));
    await this.rows.reschedule(em, timer.id, next, timer.firedCount + 1);
  }

  /** On a business calendar an occurrence moves to the next working moment (occurrences that meet there fire once). */
  private onCalendar(calendarId: string | null, occurrence: Date | null): Date | null {
    const calendar = this.calendars.calendar(calendarId);
    return occurrence && calendar ? nextWorkingInstant({ at: occurrence, calendar }) : occurrence;
  }

  private next(timerType: string, value: string, after: Date, firedCount: number, deployedAt: Date): Date | null {
    return nextOccurrence({ timerType, value, after, firedCount, deployedAt, timeZone: this.config.TIME_ZONE });
  }
}
