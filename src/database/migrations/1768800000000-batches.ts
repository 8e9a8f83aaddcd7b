// Bulk actions run as durable batches: the batch row and one row per item (claimed FOR UPDATE SKIP LOCKED by any replica).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Batches1768800000000 implements MigrationInterface {
  name = 'Batches1768800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE batches (
      id uuid PRIMARY KEY, type text NOT NULL, params jsonb NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL,
      total int NOT NULL, done int NOT NULL DEFAULT 0, failed int NOT NULL DEFAULT 0, ended_at timestamptz)`);
    await q.query(`CREATE TABLE batch_items (
      batch_id uuid NOT NULL REFERENCES batches(id) ON DELETE CASCADE, seq int NOT NULL, target_id text NOT NULL,
      status text NOT NULL DEFAULT 'pending', error text, ended_at timestamptz, PRIMARY KEY (batch_id, seq))`);
    await q.query(`CREATE INDEX batch_items_pending ON batch_items (batch_id, seq) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE batch_items`);
    await q.query(`DROP TABLE batches`);
  }
}
