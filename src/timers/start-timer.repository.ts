// The start_timers table: timer start events of deployed definitions (definition-level rows, kept apart from the
// instance-scoped timers table; a reference table under Citus). Claimed and fired by the same poller as instance timers.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { TimerEntity } from '../database/entities';
import { newRowId } from '../common/row-id';

/** A timer start event to write: the definition version it starts, its key `start:<activity>`, and when. */
export interface NewStartTimer {
  definitionId: string;
  activityId: string;
  timerKey: string;
  timerType: string;
  expression: string;
  dueAt: Date;
  calendar: string | null;
}

@Injectable()
export class StartTimerRepository {
  constructor(private readonly db: DataSource) {}

  /** The start-event rows of a definition key are replaced by the new version's. */
  async replace(em: EntityManager, key: string, rows: NewStartTimer[], now: Date): Promise<void> {
    await em.query('DELETE FROM start_timers WHERE definition_id IN (SELECT id FROM definitions WHERE key = $1)', [key]);
    for (const r of rows) {
      await em.query(
        `INSERT INTO start_timers (id, definition_id, activity_id, timer_key, timer_type, expression, due_at, created_at, fired_count, calendar) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)`,
        [newRowId(), r.definitionId, r.activityId, r.timerKey, r.timerType, r.expression, r.dueAt, now, r.calendar],
      );
    }
  }

  /** Up to `max` due rows, locked for the rest of the transaction (rows other transactions hold are skipped). */
  async claimDue(em: EntityManager, now: Date, max: number): Promise<TimerEntity[]> {
    const rows: RawStartTimer[] = await em.query(
      `SELECT id, definition_id, activity_id, timer_key, timer_type, expression, due_at, created_at, fired_count, calendar FROM start_timers
        WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, max],
    );
    return rows.map((r) => ({ id: r.id, instanceId: null, definitionId: r.definition_id, activityId: r.activity_id, timerKey: r.timer_key, timerType: r.timer_type, expression: r.expression, dueAt: new Date(r.due_at), createdAt: new Date(r.created_at), firedCount: r.fired_count, calendar: r.calendar }));
  }

  /** After a start timer fired: its next due time, or gone when it has no occurrence left. */
  async reschedule(em: EntityManager, id: string, next: Date | null, firedCount: number): Promise<void> {
    if (next) await em.query('UPDATE start_timers SET due_at = $2, fired_count = $3 WHERE id = $1', [id, next, firedCount]);
    else await em.query('DELETE FROM start_timers WHERE id = $1', [id]);
  }

  async calendarOf(em: EntityManager, id: string): Promise<string | null> {
    const rows: { calendar: string | null }[] = await em.query('SELECT calendar FROM start_timers WHERE id = $1', [id]);
    return rows[0]?.calendar ?? null;
  }

  /** The soonest due time after `after`; null when there is none. */
  async nextDueAfter(after: Date): Promise<Date | null> {
    const [row] = await this.db.query('SELECT min(due_at) AS at FROM start_timers WHERE due_at > $1', [after]);
    return row?.at ? new Date(row.at) : null;
  }
}

interface RawStartTimer {
  id: string;
  definition_id: string;
  activity_id: string;
  timer_key: string;
  timer_type: string;
  expression: string | null;
  due_at: Date;
  created_at: Date;
  fired_count: number;
  calendar: string | null;
}
