// Incidents of a command that failed on data (a task completion): the command is kept so a supervisor can retry it.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IncidentCommands1767500000000 implements MigrationInterface {
  name = 'IncidentCommands1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incidents ADD COLUMN command jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incidents DROP COLUMN command`);
  }
}
