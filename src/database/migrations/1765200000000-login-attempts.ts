// Sign-in attempts counted in the database, so every worker and replica shares one count per (client, user name).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttempts1765200000000 implements MigrationInterface {
  name = 'LoginAttempts1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // `key` is a hash of the client address and the normalised user name: no personal data in clear.
    await q.query(`CREATE TABLE login_attempts (key text PRIMARY KEY, window_started_at timestamptz NOT NULL, attempts integer NOT NULL)`);
    await q.query(`CREATE INDEX login_attempts_window ON login_attempts (window_started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
  }
}
