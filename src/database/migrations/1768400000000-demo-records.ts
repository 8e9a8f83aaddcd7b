// What the demo data loader created (instances, users, definitions), so `npm run demo -- --remove` takes exactly that away.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DemoRecords1768400000000 implements MigrationInterface {
  name = 'DemoRecords1768400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE demo_records (
        kind text NOT NULL CHECK (kind IN ('instance', 'user', 'definition', 'run')),
        ref text NOT NULL, created_at timestamptz NOT NULL, detail jsonb,
        PRIMARY KEY (kind, ref))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE demo_records`);
  }
}
