// Timer rows of timer start events: they belong to the latest version of a definition key.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TimerEntity } from '../database/entities';
import { newRowId } from '../common/row-id';

export interface StartTimerRow {
  activityId: string;
  timerType: string;
  value: string;
  dueAt: Date;
}

@Injectable()
export class StartTimerRepository {
  /** The new version's start timers replace those of every earlier version of the key. */
  async replaceForKey(em: EntityManager, key: string, definitionId: string, rows: StartTimerRow[], now: Date): Promise<void> {
    await em.query('DELETE FROM timers WHERE definition_id IN (SELECT id FROM definitions WHERE key = $1)', [key]);
    if (!rows.length) return;
    await em.getRepository(TimerEntity).insert(
      rows.map((r) => ({ id: newRowId(), instanceId: null, definitionId, activityId: r.activityId, timerKey: `start:${r.activityId}`, timerType: r.timerType, expression: r.value, dueAt: r.dueAt, firedCount: 0, createdAt: now })),
    );
  }

  /** After a firing: the next due time, or gone when the timer has no occurrence left. */
  async reschedule(em: EntityManager, id: string, next: Date | null, firedCount: number): Promise<void> {
    if (next) await em.getRepository(TimerEntity).update({ id }, { dueAt: next, firedCount });
    else await em.getRepository(TimerEntity).delete({ id });
  }
}
