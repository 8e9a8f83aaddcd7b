// Parks N instances fast: copies of one real waiting instance, with every row that belongs to it.
import type { Client } from 'pg';
import { withClient } from '../../test/support/database';

const BATCH = 100_000;
/** The copies were "created" this many milliseconds apart, the last one just before now. */
const PARK_SPACING_MS = 10;

/** A UUIDv7 (`src/common/row-id.ts`) from SQL, as PostgreSQL 15 has no uuidv7(): `ms` since the epoch, then random bits. */
const uuid7 = (ms: string) =>
  `(lpad(to_hex(${ms}), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int) || substr(md5(random()::text), 1, 15))::uuid`;

/**
 * Every table tied to the instance by `instance_id` gets a copy of the template's rows per copy: new uuids, the new
 * instance id, business key `<keyPrefix><n>`, and `task_id` pointing at the copy's own task. The template must wait
 * at one task at most (service-request waits at Task_RecordRequest). `pushTimers`: its timers move 30 days out first,
 * so no copy fires during the bench. The copies' ids are time-ordered like the server's own (UUIDv7, as if created
 * one after another before now), so their index entries lie where a real history's would. Then VACUUM (ANALYZE):
 * parked rows in production are old and long vacuumed; without it autovacuum works through the copied tables during
 * the measurement (seen: tasks, history and the state TOAST table, for most of a 10 s run).
 */
export async function copyInstance(databaseUrl: string, templateId: string, count: number, opts: { keyPrefix: string; pushTimers: boolean; log: (m: string) => void }): Promise<void> {
  return withClient(databaseUrl, async (db) => {
    const tasks = await db.query('SELECT count(*)::int AS n FROM tasks WHERE instance_id = $1', [templateId]);
    if (tasks.rows[0].n > 1) throw new Error(`the template instance has ${tasks.rows[0].n} tasks; copying needs one at most`);
    const tables = await childTables(db);
    if (opts.pushTimers) await db.query(`UPDATE timers SET due_at = now() + interval '30 days' WHERE instance_id = $1`, [templateId]);
    await db.query('DROP TABLE IF EXISTS bench_park');
    await db.query('CREATE UNLOGGED TABLE bench_park (n int PRIMARY KEY, ms bigint NOT NULL, iid uuid NOT NULL, tid uuid NOT NULL)');
    const nowMs = Date.now();
    for (let from = 1; from <= count; from += BATCH) {
      const to = Math.min(count, from + BATCH - 1);
      await db.query('TRUNCATE bench_park');
      await db.query(
        `INSERT INTO bench_park SELECT n, ms, ${uuid7('ms')}, ${uuid7('ms')} FROM (SELECT n, $3::bigint - ($4::bigint - n) * ${PARK_SPACING_MS} AS ms FROM generate_series($1::int, $2::int) n) s`,
        [from, to, nowMs, count],
      );
      await db.query('BEGIN');
      await db.query(await copySql(db, 'process_instances', { id: 'p.iid', business_key: `'${opts.keyPrefix.replace(/'/g, "''")}' || p.n` }), [templateId]);
      for (const table of tables) {
        await db.query(await copySql(db, table, { id: table === 'tasks' ? 'p.tid' : uuid7('p.ms'), instance_id: 'p.iid', task_id: 'CASE WHEN t.task_id IS NULL THEN NULL ELSE p.tid END' }, 'instance_id'), [templateId]);
      }
      await db.query('COMMIT');
      opts.log(`copied ${to}/${count}`);
    }
    await db.query('DROP TABLE bench_park');
    await db.query('VACUUM (ANALYZE)');
  });
}

/** Tables holding rows of an instance, tasks first (others may point at a task). */
async function childTables(db: Client): Promise<string[]> {
  // Only tables tied to the instance by a foreign key: the outbox and audit log are not copied (no replayed events).
  const rows = await db.query(
    `SELECT DISTINCT c.conrelid::regclass::text AS table_name FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.confrelid = 'process_instances'::regclass AND a.attname = 'instance_id'`,
  );
  return rows.rows.map((r) => r.table_name as string).sort((a, b) => Number(b === 'tasks') - Number(a === 'tasks') || a.localeCompare(b));
}

/** INSERT … SELECT of the template's rows of `table` × bench_park; serial ids are left to their defaults. */
async function copySql(db: Client, table: string, replace: Record<string, string>, key = 'id'): Promise<string> {
  const cols = await db.query(
    `SELECT column_name, column_default, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const names: string[] = [];
  const values: string[] = [];
  for (const c of cols.rows) {
    const name = c.column_name as string;
    if (name === 'id' && String(c.column_default ?? '').startsWith('nextval(')) continue;
    if (name === 'id' && c.data_type !== 'uuid') throw new Error(`cannot copy ${table}: its id is ${c.data_type} without a default`);
    names.push(`"${name}"`);
    values.push(replace[name] ?? `t."${name}"`);
  }
  return `INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')} FROM ${table} t CROSS JOIN bench_park p WHERE t.${key} = $1`;
}
