// Instance-scoped tables are keyed by (instance_id, id) so that Citus can co-locate them by instance_id (README
// "Ready to shard"); requests that find a row by its id alone keep a plain index on id (a fan-out under Citus).
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Table → whether a request looks its rows up by id alone (then it keeps an index on id). */
const TABLES: Record<string, boolean> = {
  customer_deliveries: true, // the sender records an attempt's result by delivery id
  escalations: true, // GET /api/escalations/:id, acknowledge/resolve by id
  external_tasks: true, // workers complete /external-tasks/:id
  history: false,
  incidents: true, // GET /api/incidents/:id, retry/resolve by id
  message_subscriptions: false,
  request_attachments: false, // read with its instance
  request_comments: false,
  signal_subscriptions: false,
  sla_clocks: true,
  surveys: true, // the survey form and answers by survey id
  tasks: true, // GET/claim/complete /api/tasks/:id
};

/** Foreign keys that reference (instance_id, id) of a re-keyed table: re-created on its primary key. */
const REFERENCING = [
  { table: 'escalations', name: 'escalations_task_fkey', sql: 'FOREIGN KEY (instance_id, task_id) REFERENCES tasks (instance_id, id)' },
  { table: 'sla_clocks', name: 'sla_clocks_task_fkey', sql: 'FOREIGN KEY (instance_id, task_id) REFERENCES tasks (instance_id, id)' },
  { table: 'survey_tokens', name: 'survey_tokens_survey_fkey', sql: 'FOREIGN KEY (instance_id, survey_id) REFERENCES surveys (instance_id, id) ON DELETE CASCADE' },
];

export class InstancePrimaryKeys1769100000000 implements MigrationInterface {
  name = 'InstancePrimaryKeys1769100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const fk of REFERENCING) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
    // The (instance_id, id) uniques that those keys referenced: the primary key takes their place.
    await q.query('ALTER TABLE tasks DROP CONSTRAINT tasks_instance_id_id_key');
    await q.query('ALTER TABLE surveys DROP CONSTRAINT surveys_instance_id_id_key');
    for (const [table, byId] of Object.entries(TABLES)) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (instance_id, id)`);
      if (byId) await q.query(`CREATE INDEX ${table}_id ON ${table} (id)`);
    }
    // (instance_id, id) indexes made redundant by the new primary keys.
    await q.query('DROP INDEX history_instance');
    await q.query('DROP INDEX customer_deliveries_instance');
    for (const fk of REFERENCING) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.sql}`);

    // Tokens are 256-bit random secrets: their hash needs no global unique check. A link is opened by its token alone,
    // so token_hash keeps a plain index (one probe per shard under Citus, at a customer's click rate).
    for (const table of ['status_tokens', 'survey_tokens']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (instance_id, token_hash)`);
      await q.query(`CREATE INDEX ${table}_hash ON ${table} (token_hash)`);
    }

    // One delivery per (event, channel): the instance a delivery is filed under is a function of its event (the
    // request the event names, else the sending instance), so adding it keeps that meaning.
    await q.query('ALTER TABLE customer_deliveries DROP CONSTRAINT customer_deliveries_outbox_id_channel_key');
    await q.query('ALTER TABLE customer_deliveries ADD CONSTRAINT customer_deliveries_event_channel_key UNIQUE (instance_id, outbox_id, channel)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE customer_deliveries DROP CONSTRAINT customer_deliveries_event_channel_key');
    await q.query('ALTER TABLE customer_deliveries ADD CONSTRAINT customer_deliveries_outbox_id_channel_key UNIQUE (outbox_id, channel)');
    for (const table of ['status_tokens', 'survey_tokens']) {
      await q.query(`DROP INDEX ${table}_hash`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (token_hash)`);
    }
    for (const fk of REFERENCING) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
    await q.query('CREATE INDEX customer_deliveries_instance ON customer_deliveries (instance_id, id)');
    await q.query('CREATE INDEX history_instance ON history (instance_id, id)');
    for (const [table, byId] of Object.entries(TABLES)) {
      if (byId) await q.query(`DROP INDEX ${table}_id`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id)`);
    }
    await q.query('ALTER TABLE surveys ADD CONSTRAINT surveys_instance_id_id_key UNIQUE (instance_id, id)');
    await q.query('ALTER TABLE tasks ADD CONSTRAINT tasks_instance_id_id_key UNIQUE (instance_id, id)');
    for (const fk of REFERENCING) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.sql}`);
  }
}
