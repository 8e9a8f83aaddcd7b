// The outbox splits by owner: instance_outbox (an instance's events, instance_id NOT NULL, keyed by (instance_id, id):
// co-located under Citus) and system_outbox (events of no instance: KPI thresholds, batch progress). Both draw ids from
// the one sequence and stamp their transaction id, so the view `outbox` reads them as one log in commit order.
import { MigrationInterface, QueryRunner } from 'typeorm';

const VIEW = `CREATE VIEW outbox AS
  SELECT id, instance_id, type, roles, payload, created_at, txid FROM instance_outbox
  UNION ALL SELECT id, NULL::uuid, type, roles, payload, created_at, txid FROM system_outbox`;

export class SplitOutbox1769100000002 implements MigrationInterface {
  name = 'SplitOutbox1769100000002';

  async up(q: QueryRunner): Promise<void> {
    // A delivery may be of either table's event: the reference is checked by the fan-out's join, not a foreign key.
    await q.query('ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_outbox_id_fkey');
    await q.query('ALTER TABLE outbox RENAME TO instance_outbox');
    await q.query(`CREATE TABLE system_outbox (
      id bigint PRIMARY KEY DEFAULT nextval('outbox_id_seq'),
      type text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      txid xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    await q.query('CREATE INDEX system_outbox_commit_order ON system_outbox (txid, id)');
    await q.query('INSERT INTO system_outbox (id, type, roles, payload, created_at, txid) SELECT id, type, roles, payload, created_at, txid FROM instance_outbox WHERE instance_id IS NULL');
    await q.query('DELETE FROM instance_outbox WHERE instance_id IS NULL');
    await q.query('ALTER TABLE instance_outbox ALTER COLUMN instance_id SET NOT NULL');
    await q.query('ALTER TABLE instance_outbox DROP CONSTRAINT outbox_pkey, ADD CONSTRAINT instance_outbox_pkey PRIMARY KEY (instance_id, id)');
    // Relays and deliveries find an event by its id alone (a fan-out under Citus).
    await q.query('CREATE INDEX instance_outbox_id ON instance_outbox (id)');
    await q.query(VIEW);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW outbox');
    await q.query('DROP INDEX instance_outbox_id');
    await q.query('ALTER TABLE instance_outbox DROP CONSTRAINT instance_outbox_pkey, ADD CONSTRAINT outbox_pkey PRIMARY KEY (id)');
    await q.query('ALTER TABLE instance_outbox ALTER COLUMN instance_id DROP NOT NULL');
    await q.query('INSERT INTO instance_outbox (id, instance_id, type, roles, payload, created_at, txid) SELECT id, NULL, type, roles, payload, created_at, txid FROM system_outbox');
    await q.query('DROP TABLE system_outbox');
    await q.query('ALTER TABLE instance_outbox RENAME TO outbox');
    await q.query('ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox (id)');
  }
}
