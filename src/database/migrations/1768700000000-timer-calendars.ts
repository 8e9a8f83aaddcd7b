// Business-calendar timers: the calendar a timer counts working time on, the SLA policy whose pauses stop it, and its plan.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimerCalendars1768700000000 implements MigrationInterface {
  name = 'TimerCalendars1768700000000';

  async up(q: QueryRunner): Promise<void> {
    // work_from + work_ms: the working time still to count from work_from (null while paused); calendar_version: the
    // fingerprint of the calendar the due time was planned with, so an edited calendar re-plans the timer.
    await q.query(`
      ALTER TABLE timers
        ADD COLUMN calendar text,
        ADD COLUMN pause_with text,
        ADD COLUMN work_from timestamptz,
        ADD COLUMN work_ms bigint,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN calendar_version text`);
    await q.query(`CREATE INDEX timers_calendar ON timers (calendar) WHERE calendar IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX timers_calendar`);
    await q.query(`ALTER TABLE timers DROP COLUMN calendar, DROP COLUMN pause_with, DROP COLUMN work_from, DROP COLUMN work_ms, DROP COLUMN paused_at, DROP COLUMN calendar_version`);
  }
}
