// Reads the migrated schema from pg_catalog for the Citus plan and its readiness test: tables, primary keys, unique
// constraints and indexes, foreign keys (each with its columns), and the distribution a lookup table declares.

export interface Constraint {
  table: string;
  name: string;
  columns: string[];
}

export interface ForeignKey extends Constraint {
  refTable: string;
  refColumns: string[];
}

export interface Schema {
  tables: Map<string, string[]>; // table → columns
  primaryKeys: Map<string, string[]>;
  uniques: Constraint[]; // unique constraints and unique indexes (partial ones too)
  foreignKeys: ForeignKey[];
  /** Lookup tables: table → the column it is distributed by, from its comment "lookup, distributed by <column>: …". */
  lookups: Map<string, string>;
}

/** Runs one query and resolves to its rows (a pg client's or a TypeORM DataSource's query, adapted). */
export type QueryRows = (sql: string) => Promise<Record<string, any>[]>;

const KEY_COLUMNS = `ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]`;
const CONSTRAINT_COLUMNS = (side: 'con' | 'confrel', key: 'conkey' | 'confkey') =>
  `ARRAY(SELECT a.attname FROM unnest(c.${key}) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.${side === 'con' ? 'conrelid' : 'confrelid'} AND a.attnum = k.n ORDER BY k.o)::text[]`;

export async function readSchema(query: QueryRows): Promise<Schema> {
  const cols = await query(`SELECT c.relname AS t, a.attname AS col FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1, a.attnum`);
  const tables = new Map<string, string[]>();
  for (const r of cols) tables.set(r.t, [...(tables.get(r.t) ?? []), r.col]);
  const idx = await query(`SELECT t.relname AS t, i.relname AS name, x.indisprimary AS pk, ${KEY_COLUMNS} AS cols FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND x.indisunique`);
  const primaryKeys = new Map<string, string[]>();
  const uniques: Constraint[] = [];
  for (const r of idx) {
    if (r.pk) primaryKeys.set(r.t, r.cols);
    else uniques.push({ table: r.t, name: r.name, columns: r.cols });
  }
  const fks = await query(`SELECT c.conname AS name, t.relname AS t, rt.relname AS rt, ${CONSTRAINT_COLUMNS('con', 'conkey')} AS cols, ${CONSTRAINT_COLUMNS('confrel', 'confkey')} AS refcols
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`);
  const foreignKeys = fks.map((r) => ({ table: r.t, name: r.name, columns: r.cols, refTable: r.rt, refColumns: r.refcols }));
  const comments = await query(`SELECT c.relname AS t, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND obj_description(c.oid, 'pg_class') LIKE 'lookup, distributed by %'`);
  const lookups = new Map(comments.map((r) => [r.t as string, /^lookup, distributed by (\w+)/.exec(r.comment)![1]]));
  return { tables, primaryKeys, uniques, foreignKeys, lookups };
}
