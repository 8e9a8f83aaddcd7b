// Global uniqueness moves to lookup tables keyed by the unique key itself (Citus' pattern for a unique value across
// shards: a table distributed by that value, written in the same transaction): an active instance per (process, business
// key), one survey per resolution. Their comments declare the distribution column (README "Ready to shard").
import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeyLookups1769100000003 implements MigrationInterface {
  name = 'KeyLookups1769100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE active_business_keys (
      business_key text NOT NULL,
      definition_key text NOT NULL,
      process_instance_id uuid NOT NULL,
      PRIMARY KEY (business_key, definition_key))`);
    await q.query(`COMMENT ON TABLE active_business_keys IS 'lookup, distributed by business_key: the active instance of a process with this business key'`);
    await q.query(`INSERT INTO active_business_keys (business_key, definition_key, process_instance_id)
      SELECT business_key, definition_key, id FROM process_instances WHERE status = 'active' AND business_key IS NOT NULL`);
    await q.query('DROP INDEX process_instances_active_business_key');

    await q.query(`CREATE TABLE survey_resolutions (resolution_key text PRIMARY KEY, survey_id uuid NOT NULL)`);
    await q.query(`COMMENT ON TABLE survey_resolutions IS 'lookup, distributed by resolution_key: the one survey of a resolution'`);
    await q.query('INSERT INTO survey_resolutions (resolution_key, survey_id) SELECT resolution_key, id FROM surveys');
    await q.query('ALTER TABLE surveys DROP CONSTRAINT surveys_resolution_key_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE surveys ADD CONSTRAINT surveys_resolution_key_key UNIQUE (resolution_key)');
    await q.query('DROP TABLE survey_resolutions');
    await q.query(`CREATE UNIQUE INDEX process_instances_active_business_key ON process_instances (definition_key, business_key) WHERE status = 'active' AND business_key IS NOT NULL`);
    await q.query('DROP TABLE active_business_keys');
  }
}
