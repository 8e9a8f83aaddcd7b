// Checks captured SQL statements against the Citus routing rule: each statement that touches an instance-scoped table
// names the instance (instance_id, or id on process_instances) in its WHERE clause, or in its column list for an INSERT.
import { Client } from 'pg';

/** Every SQL text sent through node-postgres while `fn` runs, with its connection (the app runs in this process). */
export async function captureSql(fn: () => Promise<unknown>): Promise<{ client: object; sql: string }[]> {
  const seen: { client: object; sql: string }[] = [];
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    const q = args[0];
    const text = typeof q === 'string' ? q : (q as { text?: string })?.text;
    if (text) seen.push({ client: this, sql: text.replace(/\s+/g, ' ').trim() });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

const TABLE_REF = /\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_]+)"?/gi;

/** The instance-scoped tables a statement reads or writes. */
export function tablesOf(sql: string, scoped: Set<string>): string[] {
  return [...sql.matchAll(TABLE_REF)].map((m) => m[1].toLowerCase()).filter((t) => scoped.has(t));
}

/**
 * Whether `sql` names the instance for `table`: an INSERT lists instance_id (process_instances: id) among its
 * columns; any other statement has `instance_id` (process_instances: `id` / `i.id`) compared in a WHERE or ON clause.
 * A textual check, strict on purpose: a statement that would need a fan-out over every shard fails it.
 */
export function namesInstance(sql: string, table: string): boolean {
  const key = table === 'process_instances' ? '(?:"?\\w+"?\\.)?"?id"?' : '(?:"?\\w+"?\\.)?"?instance_id"?';
  if (/^\s*INSERT/i.test(sql)) {
    const cols = /INSERT INTO\s+"?\w+"?\s*\(([^)]*)\)/i.exec(sql)?.[1] ?? '';
    return new RegExp(`(^|,)\\s*${key}\\s*(,|$)`, 'i').test(cols);
  }
  const where = /\b(WHERE|ON)\b([\s\S]*)$/i.exec(sql)?.[2] ?? '';
  return new RegExp(`${key}\\s*(=|IN\\b|= ANY)`, 'i').test(where);
}

/** Statements (with the table) that do not name the instance; control statements (BEGIN, COMMIT, locks) are ignored. */
export function unroutedStatements(statements: string[], scoped: Set<string>): { table: string; sql: string }[] {
  const out: { table: string; sql: string }[] = [];
  for (const sql of statements) for (const table of new Set(tablesOf(sql, scoped))) if (!namesInstance(sql, table)) out.push({ table, sql: sql.slice(0, 300) });
  return out;
}
