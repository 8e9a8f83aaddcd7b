import { withClient } from '../../test/support/database';
import { newRowId } from '../common/row-id';
import { ownerSlot, ownerSlotSql } from './instance-owner.util';

describe('ownerSlot', () => {
  it('spreads ids over the workers and is 0 for a single process', () => {
    // given
    const counts = [0, 0, 0];
    // when
    for (let i = 0; i < 3000; i++) counts[ownerSlot(newRowId(), 3)]++;
    // then
    for (const n of counts) expect(n).toBeGreaterThan(800);
    expect(ownerSlot(newRowId(), 1)).toBe(0);
  });

  it('reads the last four hex digits', () => {
    expect(ownerSlot('01a23acc-967b-721a-914a-00000000ffff', 4)).toBe(0xffff % 4);
    expect(ownerSlot('01a23acc-967b-721a-914a-000000000005', 2)).toBe(1);
  });

  it('inlines only an integer worker count', () => {
    expect(ownerSlotSql('t.instance_id', 3)).toBe(`(('x' || right(t.instance_id::text, 4))::bit(16)::int % 3)`);
    expect(ownerSlotSql('t.instance_id', 2.7)).toContain('% 2)');
  });

  it('gives the same slot in PostgreSQL as in JavaScript', async () => {
    // given
    const ids = Array.from({ length: 50 }, () => newRowId());
    // when
    const rows = await withClient(process.env.TEST_PG_ADMIN_URL!, async (db) => (await db.query(`SELECT id, ${ownerSlotSql('id', 3)} AS slot FROM unnest($1::uuid[]) AS id`, [ids])).rows);
    // then
    expect(rows.map((r: { slot: number }) => r.slot)).toEqual(ids.map((id) => ownerSlot(id, 3)));
  });
});
