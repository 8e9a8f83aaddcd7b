// Instance search by business fields and variables: trigram indexes on the customer, phone (digits only), device and
// serial fields a request carries (processes/README.md start variables), and a GIN index for variable equality.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { INSTANCE_SEARCH_FIELDS } from '../../instances/instance-search-fields';

export class InstanceSearch1768500000000 implements MigrationInterface {
  name = 'InstanceSearch1768500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [field, expression] of Object.entries(INSTANCE_SEARCH_FIELDS)) {
      await q.query(`CREATE INDEX instances_search_${field} ON process_instances USING gin ((${expression}) gin_trgm_ops)`);
    }
    // `variables @> '{"serialNumber": "SN1"}'`: jsonb_path_ops is smaller and faster than the default for containment.
    await q.query(`CREATE INDEX instances_variables ON process_instances USING gin (variables jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX instances_variables`);
    for (const field of Object.keys(INSTANCE_SEARCH_FIELDS)) await q.query(`DROP INDEX instances_search_${field}`);
  }
}
