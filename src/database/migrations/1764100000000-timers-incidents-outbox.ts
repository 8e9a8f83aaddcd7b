// Issue 3 schema: timer start events (definition-level timers), incidents, the outbox, webhook subscriptions and deliveries.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimersIncidentsOutbox1764100000000 implements MigrationInterface {
  name = 'TimersIncidentsOutbox1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Timer start events belong to a definition version, not to an instance.
    await q.query(`ALTER TABLE timers ALTER COLUMN instance_id DROP NOT NULL`);
    await q.query(`ALTER TABLE timers ADD COLUMN definition_id uuid REFERENCES definitions(id)`);
    await q.query(`ALTER TABLE timers ADD COLUMN fired_count int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE timers ADD CONSTRAINT timers_owner CHECK ((instance_id IS NULL) <> (definition_id IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX timers_definition_key ON timers (definition_id, timer_key) WHERE definition_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        execution_id text NOT NULL,
        error text NOT NULL,
        attempts int NOT NULL,
        status text NOT NULL CHECK (status IN ('retrying', 'open', 'resolved')),
        next_retry_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolution text
      )`);
    await q.query(`CREATE UNIQUE INDEX incidents_unresolved ON incidents (instance_id, execution_id) WHERE status <> 'resolved'`);
    await q.query(`CREATE INDEX incidents_retry_due ON incidents (next_retry_at) WHERE status = 'retrying'`);
    await q.query(`CREATE INDEX incidents_status ON incidents (status, created_at)`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        instance_id uuid,
        type text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        description text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        outbox_id bigint NOT NULL REFERENCES outbox(id),
        event_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        UNIQUE (subscription_id, outbox_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    // Relays that fan the outbox out to webhooks remember how far they got.
    await q.query(`CREATE TABLE outbox_cursors (name text PRIMARY KEY, last_id bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outbox_cursors', 'webhook_deliveries', 'webhook_subscriptions', 'outbox', 'incidents']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DELETE FROM timers WHERE instance_id IS NULL`);
    await q.query(`ALTER TABLE timers DROP CONSTRAINT timers_owner`);
    await q.query(`ALTER TABLE timers DROP COLUMN definition_id`);
    await q.query(`ALTER TABLE timers DROP COLUMN fired_count`);
    await q.query(`ALTER TABLE timers ALTER COLUMN instance_id SET NOT NULL`);
  }
}
