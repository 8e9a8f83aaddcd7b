// SLA clocks: one per instance (process scope) or task (task scope) that a diagram puts under an SLA policy.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaClocks1764400000000 implements MigrationInterface {
  name = 'SlaClocks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_clocks (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        policy text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('process', 'task')),
        activity_id text NOT NULL,
        task_id uuid REFERENCES tasks(id),
        target_key text NOT NULL,
        target_ms bigint NOT NULL,
        started_at timestamptz NOT NULL,
        pauses jsonb NOT NULL DEFAULT '[]',
        due_at timestamptz,
        warned int[] NOT NULL DEFAULT '{}',
        breached_at timestamptz,
        stopped_at timestamptz,
        status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'missed', 'cancelled'))
      )`);
    await q.query(`CREATE INDEX sla_clocks_instance ON sla_clocks (instance_id)`);
    await q.query(`CREATE INDEX sla_clocks_open ON sla_clocks (status, due_at) WHERE status IN ('running', 'paused')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_clocks`);
  }
}
