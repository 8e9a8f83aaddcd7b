// Candidate groups as data: groups, their members, the built-in roles as default groups, and candidate users on tasks.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Groups1765400000000 implements MigrationInterface {
  name = 'Groups1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE groups (id text PRIMARY KEY, name text NOT NULL, built_in boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE group_members (group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE, user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE, PRIMARY KEY (group_id, user_id))`);
    await q.query(`CREATE INDEX group_members_user ON group_members (user_id)`);
    // Holding a role makes a user a member of the role's group; these rows only name the groups.
    await q.query(`INSERT INTO groups (id, name, built_in) VALUES ('agent', 'Agents', true), ('technician', 'Technicians', true), ('supervisor', 'Supervisors', true), ('manager', 'Managers', true)`);
    await q.query(`ALTER TABLE tasks ADD COLUMN candidate_users text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN candidate_users`);
    await q.query(`DROP TABLE group_members`);
    await q.query(`DROP TABLE groups`);
  }
}
