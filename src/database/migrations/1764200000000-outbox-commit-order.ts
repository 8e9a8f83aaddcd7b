// Live events and webhooks: a commit-safe read order for the outbox, a NOTIFY on insert, and the delivery-log index.
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
    // Wakes every replica's tailer at commit; polling stays as the fallback.
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await q.query(`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS webhook_deliveries_log`);
    await q.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
    await q.query(`DELETE FROM outbox_cursors WHERE name = 'webhooks'`);
    await q.query(`ALTER TABLE outbox_cursors DROP COLUMN last_txid`);
    await q.query(`DROP INDEX IF EXISTS outbox_commit_order`);
    await q.query(`ALTER TABLE outbox DROP COLUMN txid`);
  }
}
