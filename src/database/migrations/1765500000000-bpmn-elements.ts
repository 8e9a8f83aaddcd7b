// Multi-instance tasks keep their element variable on the task row; call activities link a child instance to the
// parent activity that waits for it; signal catches are durable subscriptions (a signal reaches every waiting instance).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class BpmnElements1765500000000 implements MigrationInterface {
  name = 'BpmnElements1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN local_variables jsonb`);
    await q.query(`ALTER TABLE process_instances ADD COLUMN parent_instance_id uuid, ADD COLUMN parent_execution_id text, ADD COLUMN parent_activity_id text`);
    await q.query(`CREATE INDEX process_instances_parent ON process_instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL`);
    await q.query(`CREATE TABLE signal_subscriptions (
      id uuid PRIMARY KEY, instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE, signal_name text NOT NULL,
      signal_id text NOT NULL, activity_id text NOT NULL, execution_id text NOT NULL, created_at timestamptz NOT NULL,
      UNIQUE (instance_id, execution_id))`);
    await q.query(`CREATE INDEX signal_subscriptions_name ON signal_subscriptions (signal_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signal_subscriptions`);
    await q.query(`DROP INDEX process_instances_parent`);
    await q.query(`ALTER TABLE process_instances DROP COLUMN parent_instance_id, DROP COLUMN parent_execution_id, DROP COLUMN parent_activity_id`);
    await q.query(`ALTER TABLE tasks DROP COLUMN local_variables`);
  }
}
