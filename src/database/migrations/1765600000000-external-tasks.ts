// External tasks: service tasks that integrators' own workers fetch, lock and complete (Camunda 7's external task API).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExternalTasks1765600000000 implements MigrationInterface {
  name = 'ExternalTasks1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE external_tasks (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES process_instances(id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        execution_id text NOT NULL,
        topic_name text NOT NULL,
        priority bigint NOT NULL DEFAULT 0,
        state text NOT NULL CHECK (state IN ('open', 'completed', 'cancelled')),
        worker_id text,
        lock_expiration_time timestamptz,
        retries int,
        retry_at timestamptz,
        error_message text,
        error_details text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        ended_at timestamptz,
        UNIQUE (instance_id, execution_id)
      )`);
    // fetch-and-lock reads open tasks of a topic in priority and creation order
    await q.query(`CREATE INDEX external_tasks_fetch ON external_tasks (topic_name, priority DESC, created_at) WHERE state = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE external_tasks`);
  }
}
