// The outbox is read in commit-safe order: a row whose transaction commits after a later-numbered one is not skipped
// by the live stream or the webhook fan-out (ids come from a sequence before commit, so id order is not commit order).
import { Client } from 'pg';
import { FakeClock } from '../../src/common/clock';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { START_OF_OUTBOX, type OutboxRecord } from '../../src/notifications/outbox-position';
import { OutboxTailer } from '../../src/notifications/stream/outbox-tailer';
import { WebhookFanout } from '../../src/notifications/webhooks/webhook-fanout';
import { startTestApp, type TestApp } from '../support/app';

const INSERT = `INSERT INTO system_outbox (type, roles, payload, created_at) VALUES ($1, '{}', '{}', $2) RETURNING id`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox read order', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  let t: TestApp;
  let slow: Client;
  let fast: Client;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { WEBHOOK_POLL_MS: '0', EVENTS_POLL_MS: '20', OUTBOUND_ALLOW: '127.0.0.1' } });
    [slow, fast] = [new Client({ connectionString: t.databaseUrl }), new Client({ connectionString: t.databaseUrl })];
    await Promise.all([slow.connect(), fast.connect()]);
  });
  afterAll(async () => {
    await Promise.all([slow?.end(), fast?.end()]);
    await t?.close();
  });

  it('publishes and fans out a row that commits after a higher id, before that higher id', async () => {
    // given a subscription to everything, and the tailer's output
    const sub = (await t.http.post('/api/webhooks').send({ url: 'http://127.0.0.1:9/unused' }).expect(201)).body;
    const published: OutboxRecord[] = [];
    const subscription = t.app.get(OutboxTailer).events$.subscribe((r) => published.push(r));
    try {
      // when one transaction takes an id and keeps running while another takes the next id and commits
      await slow.query('BEGIN');
      const [late] = (await slow.query(INSERT, ['test.late', clock.now()])).rows;
      const [early] = (await fast.query(INSERT, ['test.early', clock.now()])).rows;
      expect(BigInt(early.id)).toBeGreaterThan(BigInt(late.id));
      await sleep(300);
      const createdMeanwhile = await t.app.get(WebhookFanout).fanout();
      // then nothing after the running transaction is read yet (reading it would move the cursors past the late row)
      expect(published.filter((r) => r.type.startsWith('test.'))).toEqual([]);
      expect(createdMeanwhile).toBe(0);
      // when the slow transaction commits
      await slow.query('COMMIT');
      for (let i = 0; i < 500 && published.filter((r) => r.type.startsWith('test.')).length < 2; i++) await sleep(20);
      // then both rows are published, the late one first, and both fanned out
      expect(published.filter((r) => r.type.startsWith('test.')).map((r) => r.id)).toEqual([late.id, early.id]);
      expect(await t.app.get(OutboxReaderRepository).waitUntilReadable()).toBe(true);
      expect(await t.app.get(WebhookFanout).fanout()).toBe(2);
      const log = (await t.http.get(`/api/webhooks/${sub.id}/deliveries`).expect(200)).body.items;
      expect(log.map((d: { eventType: string }) => d.eventType).sort()).toEqual(['test.early', 'test.late']);
    } finally {
      subscription.unsubscribe();
      await slow.query('ROLLBACK').catch(() => undefined);
    }
  });

  it('is not held back by a long write transaction in another database of the same server', async () => {
    // given a transaction with an id, still running in another database
    const elsewhere = new Client({ connectionString: otherDatabase(t.databaseUrl) });
    await elsewhere.connect();
    const published: OutboxRecord[] = [];
    const subscription = t.app.get(OutboxTailer).events$.subscribe((r) => published.push(r));
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      // when a row commits here
      const [row] = (await fast.query(INSERT, ['test.meanwhile', clock.now()])).rows;
      // then it is published while the other transaction still runs
      for (let i = 0; i < 100 && !published.some((r) => r.id === row.id); i++) await sleep(20);
      expect(published.map((r) => r.id)).toContain(row.id);
      expect(await t.app.get(OutboxReaderRepository).waitUntilReadable(2_000)).toBe(true);
    } finally {
      subscription.unsubscribe();
      await elsewhere.query('ROLLBACK').catch(() => undefined);
      await elsewhere.end();
    }
  });
  it('orders transaction ids as numbers, not text: a cursor past 101 does not skip 98', async () => {
    // given two rows stamped with transaction ids of different digit counts (as a busy database reaches 10^n)
    const stamped = `INSERT INTO system_outbox (type, roles, payload, created_at, txid) VALUES ($1, '{}', '{}', $2, $3::xid8)`;
    await fast.query(stamped, ['test.txid-101', clock.now(), '101']);
    await fast.query(stamped, ['test.txid-98', clock.now(), '98']);
    const reader = t.app.get(OutboxReaderRepository);
    // when a relay reads from the start, one row at a time
    const seen: string[] = [];
    for (let position = START_OF_OUTBOX, page = await reader.after(position, 1); page.length; page = await reader.after(position, 1)) {
      seen.push(page[0].type);
      position = { txid: page[0].txid, id: page[0].id };
    }
    // then both are read, the older transaction first
    expect(seen.filter((type) => type.startsWith('test.txid-'))).toEqual(['test.txid-98', 'test.txid-101']);
  });
});

/** The same server's maintenance database. */
function otherDatabase(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
