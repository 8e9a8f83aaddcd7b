// The token-signing secret leaves the database (it lives in JWT_SECRET, JWT_SECRET_FILE or DATA_DIR/jwt-secret now):
// anyone able to read `settings` could otherwise mint an admin token. `npm start` carries it over to the file first.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TokenSecretOutOfDatabase1765300000000 implements MigrationInterface {
  name = 'TokenSecretOutOfDatabase1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM settings WHERE key = 'jwt.secret'`);
  }

  async down(): Promise<void> {
    // The secret is not put back: it must not live in the database.
  }
}
