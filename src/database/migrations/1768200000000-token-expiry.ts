// Survey link tokens carry their own expiry (like status tokens), so both kinds can be pruned by one periodic job.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TokenExpiry1768200000000 implements MigrationInterface {
  name = 'TokenExpiry1768200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_tokens ADD COLUMN expires_at timestamptz`);
    await q.query(`UPDATE survey_tokens t SET expires_at = s.expires_at FROM surveys s WHERE s.id = t.survey_id`);
    await q.query(`CREATE INDEX survey_tokens_expiry ON survey_tokens (expires_at)`);
    await q.query(`CREATE INDEX status_tokens_expiry ON status_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX status_tokens_expiry`);
    await q.query(`DROP INDEX survey_tokens_expiry`);
    await q.query(`ALTER TABLE survey_tokens DROP COLUMN expires_at`);
  }
}
