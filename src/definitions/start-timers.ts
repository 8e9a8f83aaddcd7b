// Schedules timer start events: rows written with the deployment, the next occurrence computed after each firing.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { TimerEntity } from '../database/entities';
import type { DefinitionModel } from '../engine/definition-model';
import { evaluateExpression } from '../engine/feel';
import { nextOccurrence } from '../engine/timer-schedule.util';
import { StartTimerRepository } from './start-timer.repository';

@Injectable()
export class StartTimers {
  constructor(
    private readonly rows: StartTimerRepository,
    private readonly config: AppConfig,
  ) {}

  async schedule(em: EntityManager, definition: { id: string; key: string }, model: DefinitionModel, now: Date): Promise<void> {
    const rows = [];
    for (const { activityId, timer } of model.startTimers) {
      const value = String(evaluateExpression(timer.expression, {}));
      const dueAt = this.next(timer.type, value, now, 0, now);
      if (dueAt) rows.push({ activityId, timerType: timer.type, value, dueAt });
    }
    await this.rows.replaceForKey(em, definition.key, definition.id, rows, now);
  }

  /** A start timer that fell due while every server was down fires once, then continues from now. */
  async afterFire(em: EntityManager, timer: TimerEntity, now: Date): Promise<void> {
    const after = timer.dueAt > now ? timer.dueAt : now;
    const next = this.next(timer.timerType, timer.expression ?? '', after, timer.firedCount + 1, timer.createdAt);
    await this.rows.reschedule(em, timer.id, next, timer.firedCount + 1);
  }

  private next(timerType: string, value: string, after: Date, firedCount: number, deployedAt: Date): Date | null {
    return nextOccurrence({ timerType, value, after, firedCount, deployedAt, timeZone: this.config.TIME_ZONE });
  }
}
