// Comments and attachments on a request (process instance); attachment bytes live in PostgreSQL (bytea).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestNotes1767600000001 implements MigrationInterface {
  name = 'RequestNotes1767600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_comments (
        id uuid PRIMARY KEY, instance_id uuid NOT NULL REFERENCES process_instances (id) ON DELETE CASCADE,
        author text NOT NULL, visibility text NOT NULL CHECK (visibility IN ('internal', 'customer')),
        body text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX request_comments_instance ON request_comments (instance_id, created_at)`);
    await q.query(`CREATE TABLE request_attachments (
        id uuid PRIMARY KEY, instance_id uuid NOT NULL REFERENCES process_instances (id) ON DELETE CASCADE,
        uploaded_by text NOT NULL, visibility text NOT NULL CHECK (visibility IN ('internal', 'customer')),
        file_name text NOT NULL, content_type text NOT NULL, size_bytes integer NOT NULL, sha256 text NOT NULL,
        content bytea NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX request_attachments_instance ON request_attachments (instance_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_attachments`);
    await q.query(`DROP TABLE request_comments`);
  }
}
