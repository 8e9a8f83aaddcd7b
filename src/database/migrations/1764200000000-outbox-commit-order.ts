// Live events and webhooks: a commit-safe read order for the outbox, the webhook cursor, and the delivery-log index.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxCommitOrder1764200000000 implements MigrationInterface {
  name = 'OutboxCommitOrder1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Ids are taken before commit, so a lower id can commit after a higher one: readers follow (txid, id) and only
    // read rows of transactions older than every running one (txid < snapshot xmin), a set that can no longer grow.
    await q.query(`ALTER TABLE outbox ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX outbox_commit_order ON outbox (txid, id)`);
    await q.query(`ALTER TABLE outbox_cursors ADD COLUMN last_txid xid8 NOT NULL DEFAULT '0'`);
    // Webhook fan-out starts after whatever is already in the outbox.
    await q.query(`
      INSERT INTO outbox_cursors (name, last_id, last_txid)
      SELECT 'webhooks', COALESCE(max(id), 0), COALESCE(max(txid), '0') FROM outbox
      ON CONFLICT (name) DO NOTHING`);
    // No NOTIFY trigger: PostgreSQL serialises the commits of every notifying transaction on one cluster-wide lock
    // (held through the commit's WAL flush), which would cap the command rate; relays poll the index instead.
    await q.query(`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS webhook_deliveries_log`);
    await q.query(`DELETE FROM outbox_cursors WHERE name = 'webhooks'`);
    await q.query(`ALTER TABLE outbox_cursors DROP COLUMN last_txid`);
    await q.query(`DROP INDEX IF EXISTS outbox_commit_order`);
    await q.query(`ALTER TABLE outbox DROP COLUMN txid`);
  }
}
