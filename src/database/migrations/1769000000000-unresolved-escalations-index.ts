// An instance's unresolved escalations by instance: every command's lock asks whether it has any (escalation participant).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class UnresolvedEscalationsIndex1769000000000 implements MigrationInterface {
  name = 'UnresolvedEscalationsIndex1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX escalations_unresolved_instance ON escalations (instance_id) WHERE status IN ('open', 'acknowledged')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX escalations_unresolved_instance`);
  }
}
