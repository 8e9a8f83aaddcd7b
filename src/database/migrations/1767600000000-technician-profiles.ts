// Technician profiles for dispatch (skills, regions, calendar, capacity) and the index that counts a person's open work.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TechnicianProfiles1767600000000 implements MigrationInterface {
  name = 'TechnicianProfiles1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE technician_profiles (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        skills text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        calendar text NOT NULL DEFAULT '24x7',
        capacity integer NOT NULL CHECK (capacity >= 0),
        updated_at timestamptz NOT NULL DEFAULT now())`);
    // Dispatch counts each candidate's open tasks and the requests naming them; both stay index scans.
    await q.query(`CREATE INDEX tasks_open_by_assignee ON tasks (assignee) WHERE status = 'open'`);
    await q.query(`CREATE INDEX instances_active_technician ON process_instances ((variables->>'technician')) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX instances_active_technician`);
    await q.query(`DROP INDEX tasks_open_by_assignee`);
    await q.query(`DROP TABLE technician_profiles`);
  }
}
