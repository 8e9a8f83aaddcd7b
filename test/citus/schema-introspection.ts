// Reads the migrated schema from pg_catalog for the Citus-readiness rules: tables, primary keys, unique
// constraints and indexes, and foreign keys, each with its columns.
import { withClient } from '../support/database';

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
}

export async function readSchema(databaseUrl: string): Promise<Schema> {
  return withClient(databaseUrl, async (db) => {
    const cols = await db.query(`SELECT c.relname AS t, a.attname AS col FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1, a.attnum`);
    const tables = new Map<string, string[]>();
    for (const r of cols.rows) tables.set(r.t, [...(tables.get(r.t) ?? []), r.col]);
    const keyCols = `ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]`;
    const idx = await db.query(`SELECT t.relname AS t, i.relname AS name, x.indisprimary AS pk, ${keyCols} AS cols FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique`);
    const primaryKeys = new Map<string, string[]>();
    const uniques: Constraint[] = [];
    for (const r of idx.rows) {
      if (r.pk) primaryKeys.set(r.t, r.cols);
      else uniques.push({ table: r.t, name: r.name, columns: r.cols });
    }
    const fks = await db.query(`SELECT c.conname AS name, t.relname AS t, rt.relname AS rt,
       ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
       ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS refcols
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const foreignKeys = fks.rows.map((r) => ({ table: r.t, name: r.name, columns: r.cols, refTable: r.rt, refColumns: r.refcols }));
    return { tables, primaryKeys, uniques, foreignKeys };
  });
}
