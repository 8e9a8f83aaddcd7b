// Reads the outbox in commit-safe order for the live stream and the webhook fan-out, and keeps the relays' cursors.
//
// Outbox ids come from a sequence before commit, so id order is not commit order. Rows are read by (txid, id), and
// only rows below the readable horizon: older than every write transaction still running *in this database*. That
// set can no longer grow, so a cursor over it never skips a row that commits late. A long write transaction here
// delays events; one in another database of the same server does not (the snapshot's own xmin is cluster-wide).
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { START_OF_OUTBOX, type OutboxPosition, type OutboxRecord } from './outbox-position';

export interface OutboxFilter {
  /** Rows whose roles are empty or intersect these; empty = only unrestricted rows. */
  roles: string[];
  /** Exact event types; empty = all. */
  types: string[];
}

// ORDER BY names the view's xid8 column (outbox.txid): the text alias would sort 101 before 98 and a cursor would skip 98.
const COLUMNS = 'id, txid::text AS txid, instance_id, type, roles, payload, created_at';
/**
 * The readable horizon: the lowest transaction id still running in this database (other than the caller's own), or
 * the snapshot's xmax when none is. The running set is read from pg_stat_activity *after* the snapshot is taken, so a
 * transaction of ours that was running at the snapshot either still shows there (and holds the horizon) or has ended
 * before the next statement's snapshot, which then sees its rows. Must run as its own statement before the read.
 * (backend_xid is 32 bits; the snapshot's xids are 64, so they are matched on their low 32 bits.)
 */
const HORIZON = `
  SELECT least(pg_snapshot_xmax(s), (
    SELECT min(x) FROM pg_snapshot_xip(s) AS x
    WHERE (x::text::numeric % 4294967296)::bigint IN (
      SELECT backend_xid::text::bigint FROM pg_stat_activity
      WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL)))::text AS horizon
  FROM pg_current_snapshot() AS s`;

interface Row {
  id: string;
  txid: string;
  instance_id: string | null;
  type: string;
  roles: string[];
  payload: Record<string, unknown>;
  created_at: Date;
}

@Injectable()
export class OutboxReaderRepository {
  constructor(private readonly db: DataSource) {}

  /** The last row that can be read now: a tailer starting here publishes only what commits from now on. */
  async horizon(): Promise<OutboxPosition> {
    const below = await this.readableBelow(this.db.manager);
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM outbox WHERE txid < $1::xid8 ORDER BY outbox.txid DESC, id DESC LIMIT 1`, [below]);
    return rows[0] ? { txid: rows[0].txid, id: rows[0].id } : START_OF_OUTBOX;
  }

  /** Readable rows after `position`, in read order. */
  async after(position: OutboxPosition, limit: number, em: EntityManager = this.db.manager): Promise<OutboxRecord[]> {
    const below = await this.readableBelow(em);
    const rows: Row[] = await em.query(
      `SELECT ${COLUMNS} FROM outbox WHERE (txid, id) > ($1::xid8, $2::bigint) AND txid < $4::xid8 ORDER BY outbox.txid, id LIMIT $3`,
      [position.txid, position.id, limit, below],
    );
    return rows.map(toRecord);
  }

  async positionOf(id: string): Promise<OutboxPosition | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM outbox WHERE id = $1::bigint`, [id]);
    return rows[0] ? { txid: rows[0].txid, id: rows[0].id } : null;
  }

  /**
   * The newest `limit` rows matching `filter` after `from` (a position, or only an id when that row is unknown) up to
   * and including `upTo`, oldest first. `more` tells that older matching rows were left out.
   */
  async replay(from: OutboxPosition | { afterId: string }, upTo: OutboxPosition, filter: OutboxFilter, limit: number): Promise<{ records: OutboxRecord[]; more: boolean }> {
    const [start, startParams] = 'afterId' in from ? ['id > $6::bigint', [from.afterId]] : ['(txid, id) > ($6::xid8, $7::bigint)', [from.txid, from.id]];
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM outbox
       WHERE ${start} AND (txid, id) <= ($1::xid8, $2::bigint)
         AND (cardinality(roles) = 0 OR roles && $3::text[])
         AND (cardinality($4::text[]) = 0 OR type = ANY($4::text[]))
       ORDER BY outbox.txid DESC, id DESC LIMIT $5`,
      [upTo.txid, upTo.id, filter.roles, filter.types, limit + 1, ...startParams],
    );
    return { records: rows.slice(0, limit).reverse().map(toRecord), more: rows.length > limit };
  }

  /**
   * Waits until every row committed before the call is readable (every transaction running now has ended); false
   * when that took longer than `timeoutMs`. For callers that drive the relays themselves (tests, admin tasks).
   */
  async waitUntilReadable(timeoutMs = 10_000, pollMs = 10): Promise<boolean> {
    const [{ xmax }]: { xmax: string }[] = await this.db.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, pollMs))) {
      const [{ done }]: { done: boolean }[] = await this.db.query('SELECT $1::xid8 >= $2::xid8 AS done', [await this.readableBelow(this.db.manager), xmax]);
      if (done) return true;
    }
    return false;
  }

  /** Locks a relay's cursor for the transaction; null when another replica holds it (or it does not exist yet). */
  async lockCursor(em: EntityManager, name: string): Promise<OutboxPosition | null> {
    const rows: { last_id: string; last_txid: string }[] = await em.query(
      'SELECT last_id, last_txid::text AS last_txid FROM outbox_cursors WHERE name = $1 FOR UPDATE SKIP LOCKED',
      [name],
    );
    return rows[0] ? { txid: rows[0].last_txid, id: rows[0].last_id } : null;
  }

  async saveCursor(em: EntityManager, name: string, position: OutboxPosition): Promise<void> {
    await em.query('UPDATE outbox_cursors SET last_id = $2::bigint, last_txid = $3::xid8 WHERE name = $1', [name, position.id, position.txid]);
  }

  /** Creates a relay's cursor at the current horizon when it is missing. */
  async ensureCursor(name: string): Promise<void> {
    const at = await this.horizon();
    await this.db.query('INSERT INTO outbox_cursors (name, last_id, last_txid) VALUES ($1, $2::bigint, $3::xid8) ON CONFLICT (name) DO NOTHING', [name, at.id, at.txid]);
  }

  /** Transaction ids below this one have all ended (see HORIZON). */
  private async readableBelow(em: EntityManager): Promise<string> {
    const [{ horizon }]: { horizon: string }[] = await em.query(HORIZON);
    return horizon;
  }
}

function toRecord(r: Row): OutboxRecord {
  return { id: r.id, txid: r.txid, instanceId: r.instance_id, type: r.type, roles: r.roles, payload: r.payload, createdAt: r.created_at };
}
