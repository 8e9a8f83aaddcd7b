// Simulation runs (issue 18): the request, status, progress and results of each what-if run; apart from production data.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Simulations1769200000000 implements MigrationInterface {
  name = 'Simulations1769200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations (
      id uuid PRIMARY KEY, definition_key text NOT NULL, request jsonb NOT NULL, status text NOT NULL DEFAULT 'queued',
      progress real NOT NULL DEFAULT 0, error text, results jsonb, created_by text NOT NULL, created_at timestamptz NOT NULL,
      ended_at timestamptz, owner text NOT NULL, heartbeat_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX simulations_created ON simulations (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulations`);
  }
}
