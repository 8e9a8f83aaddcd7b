// Multi-instance tasks keep their element variable on the task row; call activities link a child instance to the
// parent activity that waits for it.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class BpmnElements1765500000000 implements MigrationInterface {
  name = 'BpmnElements1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN local_variables jsonb`);
    await q.query(`ALTER TABLE process_instances ADD COLUMN parent_instance_id uuid, ADD COLUMN parent_execution_id text, ADD COLUMN parent_activity_id text`);
    await q.query(`CREATE INDEX process_instances_parent ON process_instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX process_instances_parent`);
    await q.query(`ALTER TABLE process_instances DROP COLUMN parent_instance_id, DROP COLUMN parent_execution_id, DROP COLUMN parent_activity_id`);
    await q.query(`ALTER TABLE tasks DROP COLUMN local_variables`);
  }
}
