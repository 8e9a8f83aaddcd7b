// Escalation records: one per instance, level and cycle, linked to the task the next role got.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalations1764300000000 implements MigrationInterface {
  name = 'Escalations1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        level int NOT NULL,
        cycle int NOT NULL,
        role text NOT NULL,
        task_id uuid REFERENCES tasks(id),
        status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
        assignee text,
        acknowledged_by text,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        resolution text,
        created_at timestamptz NOT NULL,
        UNIQUE (instance_id, level, cycle)
      )`);
    await q.query(`CREATE INDEX escalations_status ON escalations (status, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE escalations`);
  }
}
