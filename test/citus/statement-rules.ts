// Checks captured SQL statements against the Citus routing rule: each statement that touches a distributed table names
// its distribution column (instance_id; id on process_instances; a lookup table's key) in its WHERE/ON clause, or in
// its column list for an INSERT.
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

/** The distributed tables (of `keys`: table → distribution column) a statement reads or writes. */
export function tablesOf(sql: string, keys: Map<string, string>): string[] {
  return [...sql.matchAll(TABLE_REF)].map((m) => m[1].toLowerCase()).filter((t) => keys.has(t));
}

/**
 * Whether `sql` names `column` of `table`: an INSERT into `table` lists it among its columns (the statement's own, or one
 * of its data-modifying CTEs: WITH w0 AS (INSERT INTO history (instance_id, …) …) INSERT INTO instance_outbox (instance_id, …));
 * any other statement compares it (bare or qualified) with `=`, `IN` or `= ANY` in a WHERE or ON clause. A textual
 * check, strict on purpose: a statement that would need a fan-out over every shard fails it.
 */
export function namesKey(sql: string, column: string, table?: string): boolean {
  const key = `(?:"?\\w+"?\\.)?"?${column}"?`;
  const where = /\b(WHERE|ON)\b([\s\S]*)$/i.exec(sql)?.[2] ?? '';
  const compared = new RegExp(`${key}\\s*(=|IN\\b|= ANY)`, 'i').test(where);
  if (/^\s*(INSERT|WITH)/i.test(sql)) {
    // the target table by its column list; a table read in a sub-select (e.g. a lookup in VALUES) by its WHERE
    const into = table ? `"?${table}"?` : '"?\\w+"?';
    const cols = new RegExp(`INSERT INTO\\s+${into}\\s*\\(([^)]*)\\)`, 'i').exec(sql)?.[1];
    if (cols === undefined) return compared;
    return new RegExp(`(^|,)\\s*${key}\\s*(,|$)`, 'i').test(cols) || compared;
  }
  return compared;
}

/** A poller's claim (FOR UPDATE SKIP LOCKED over due rows of any instance): a per-shard read under Citus, not a command's. */
export const isClaim = (sql: string) => /SKIP LOCKED/i.test(sql);

/** Statements (with the table) that do not name the distribution column; control statements are ignored. */
export function unroutedStatements(statements: string[], keys: Map<string, string>): { table: string; sql: string }[] {
  const out: { table: string; sql: string }[] = [];
  for (const sql of statements.filter((s) => !isClaim(s))) {
    for (const table of new Set(tablesOf(sql, keys))) if (!namesKey(sql, keys.get(table)!, table)) out.push({ table, sql: sql.slice(0, 300) });
  }
  return out;
}

/** The statements of every transaction that writes a distributed table (BEGIN … COMMIT on one connection). */
export function writingTransactions(seen: { client: object; sql: string }[], keys: Map<string, string>): string[][] {
  const byClient = new Map<object, string[]>();
  for (const s of seen) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s.sql]);
  const out: string[][] = [];
  for (const sqls of byClient.values()) {
    let tx: string[] | null = null;
    for (const sql of sqls) {
      if (/^START TRANSACTION|^BEGIN/i.test(sql)) tx = [];
      else if (/^COMMIT/i.test(sql)) {
        if (tx?.some((s) => /^\s*(WITH\b[\s\S]*\)\s*)?(INSERT|UPDATE|DELETE)\b/i.test(s) && tablesOf(s, keys).length)) out.push(tx);
        tx = null;
      } else tx?.push(sql);
    }
  }
  return out;
}
