// Timer start events leave the timers table for start_timers (definition-level, a reference table under Citus), so that
// every timers row belongs to an instance: instance_id NOT NULL and the primary key (instance_id, id).
import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = 'id, definition_id, activity_id, timer_key, timer_type, expression, due_at, created_at, fired_count, calendar';

export class StartTimers1769100000001 implements MigrationInterface {
  name = 'StartTimers1769100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE start_timers (
      id uuid PRIMARY KEY,
      definition_id uuid NOT NULL REFERENCES definitions (id),
      activity_id text NOT NULL,
      timer_key text NOT NULL,
      timer_type text NOT NULL,
      expression text,
      due_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      fired_count integer NOT NULL DEFAULT 0,
      calendar text,
      CONSTRAINT start_timers_definition_key UNIQUE (definition_id, timer_key))`);
    await q.query('CREATE INDEX start_timers_due_at ON start_timers (due_at)');
    await q.query(`INSERT INTO start_timers (${COLUMNS}) SELECT ${COLUMNS} FROM timers WHERE definition_id IS NOT NULL`);
    await q.query('DELETE FROM timers WHERE definition_id IS NOT NULL');
    await q.query('ALTER TABLE timers DROP CONSTRAINT timers_owner');
    await q.query('DROP INDEX timers_definition_key');
    await q.query('ALTER TABLE timers DROP COLUMN definition_id');
    await q.query('ALTER TABLE timers ALTER COLUMN instance_id SET NOT NULL');
    await q.query('ALTER TABLE timers DROP CONSTRAINT timers_pkey, ADD CONSTRAINT timers_pkey PRIMARY KEY (instance_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE timers DROP CONSTRAINT timers_pkey, ADD CONSTRAINT timers_pkey PRIMARY KEY (id)');
    await q.query('ALTER TABLE timers ALTER COLUMN instance_id DROP NOT NULL');
    await q.query('ALTER TABLE timers ADD COLUMN definition_id uuid REFERENCES definitions (id)');
    await q.query('CREATE UNIQUE INDEX timers_definition_key ON timers (definition_id, timer_key) WHERE definition_id IS NOT NULL');
    await q.query('ALTER TABLE timers ADD CONSTRAINT timers_owner CHECK ((instance_id IS NULL) <> (definition_id IS NULL))');
    await q.query(`INSERT INTO timers (${COLUMNS}) SELECT ${COLUMNS} FROM start_timers`);
    await q.query('DROP TABLE start_timers');
  }
}
