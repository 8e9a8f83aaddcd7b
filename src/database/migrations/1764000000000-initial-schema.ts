// The first schema: definitions, instances, tasks, timers, message subscriptions and history.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE definitions (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        version int NOT NULL,
        name text NOT NULL,
        xml text NOT NULL,
        checksum text NOT NULL,
        deployed_at timestamptz NOT NULL,
        UNIQUE (key, version)
      )`);
    await q.query(`
      CREATE TABLE process_instances (
        id uuid PRIMARY KEY,
        definition_id uuid NOT NULL REFERENCES definitions(id),
        definition_key text NOT NULL,
        definition_version int NOT NULL,
        business_key text,
        status text NOT NULL CHECK (status IN ('active', 'completed', 'cancelled')),
        state jsonb,
        variables jsonb NOT NULL DEFAULT '{}',
        active_activity_ids text[] NOT NULL DEFAULT '{}',
        end_activity_id text,
        cancel_reason text,
        revision int NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    // One active instance per definition and business key: the 409 on a duplicate start.
    await q.query(`CREATE UNIQUE INDEX process_instances_active_business_key
      ON process_instances (definition_key, business_key) WHERE status = 'active' AND business_key IS NOT NULL`);
    await q.query(`CREATE INDEX process_instances_key_status ON process_instances (definition_key, status, started_at DESC)`);
    await q.query(`CREATE INDEX process_instances_business_key ON process_instances (business_key) WHERE business_key IS NOT NULL`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        execution_id text NOT NULL,
        name text NOT NULL,
        candidate_roles text[] NOT NULL DEFAULT '{}',
        assignee text,
        form jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        submitted jsonb,
        created_at timestamptz NOT NULL,
        claimed_at timestamptz,
        ended_at timestamptz,
        UNIQUE (instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX tasks_open_by_role ON tasks USING gin (candidate_roles) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_status_created ON tasks (status, created_at)`);
    await q.query(`
      CREATE TABLE timers (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        timer_key text NOT NULL,
        timer_type text NOT NULL,
        expression text,
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (instance_id, timer_key)
      )`);
    await q.query(`CREATE INDEX timers_due_at ON timers (due_at)`);
    await q.query(`
      CREATE TABLE message_subscriptions (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        message_name text NOT NULL,
        message_id text NOT NULL,
        activity_id text NOT NULL,
        execution_id text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX message_subscriptions_name ON message_subscriptions (message_name)`);
    await q.query(`
      CREATE TABLE history (
        id bigserial PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        type text NOT NULL,
        activity_id text,
        detail jsonb
      )`);
    await q.query(`CREATE INDEX history_instance ON history (instance_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['history', 'message_subscriptions', 'timers', 'tasks', 'process_instances', 'definitions']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
