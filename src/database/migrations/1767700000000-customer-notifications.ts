// Customer notifications: one delivery row per (notification event, channel) and the hashed status-page tokens.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerNotifications1767700000000 implements MigrationInterface {
  name = 'CustomerNotifications1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_deliveries (
        id bigserial PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        outbox_id bigint NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'wechat')),
        address text NOT NULL,
        template text NOT NULL,
        language text NOT NULL,
        data jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        -- one delivery per event and channel, however often the fan-out runs (the idempotency key)
        UNIQUE (outbox_id, channel)
      )`);
    await q.query(`CREATE INDEX customer_deliveries_due ON customer_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX customer_deliveries_instance ON customer_deliveries (instance_id, id)`);
    await q.query(`
      CREATE TABLE status_tokens (
        token_hash text PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        language text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE TABLE customer_opt_outs (instance_id uuid PRIMARY KEY REFERENCES process_instances(id) ON DELETE CASCADE, at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_opt_outs');
    await q.query('DROP TABLE status_tokens');
    await q.query('DROP TABLE customer_deliveries');
  }
}
