// The Citus layout of the schema (README "Ready to shard"), derived from the schema itself: process_instances is
// distributed by id and every table with instance_id co-located with it; a lookup table (its comment says so) is
// distributed by its own key; every other table is a reference table. As statements a Citus deployment runs, in order.
import type { Schema } from './schema-introspection';

export const ROOT = 'process_instances';

export type Placement =
  | { table: string; kind: 'reference' }
  | { table: string; kind: 'co-located'; column: string } // with process_instances
  | { table: string; kind: 'root'; column: 'id' }
  | { table: string; kind: 'lookup'; column: string };

export function placementOf(schema: Schema, table: string): Placement {
  if (table === ROOT) return { table, kind: 'root', column: 'id' };
  if (schema.tables.get(table)?.includes('instance_id')) return { table, kind: 'co-located', column: 'instance_id' };
  const lookup = schema.lookups.get(table);
  if (lookup) return { table, kind: 'lookup', column: lookup };
  return { table, kind: 'reference' };
}

const GROUP: Record<Placement['kind'], number> = { reference: 0, root: 1, 'co-located': 2, lookup: 3 };

/** Every table, reference tables first, then the root and its co-located tables; a referenced table before its referrers. */
export function placements(schema: Schema): Placement[] {
  const all = [...schema.tables.keys()].sort().map((t) => placementOf(schema, t));
  const done = new Set<string>();
  const out: Placement[] = [];
  const visit = (p: Placement, path: string[]) => {
    if (done.has(p.table) || path.includes(p.table)) return;
    for (const fk of schema.foreignKeys.filter((f) => f.table === p.table && f.refTable !== p.table)) visit(placementOf(schema, fk.refTable), [...path, p.table]);
    done.add(p.table);
    out.push(p);
  };
  for (const group of [0, 1, 2, 3]) for (const p of all.filter((x) => GROUP[x.kind] === group)) visit(p, []);
  return out;
}

/** The statements, one per table (to run on the coordinator after `CREATE EXTENSION citus` and adding the workers). */
export function citusStatements(schema: Schema): string[] {
  return placements(schema).map((p) => {
    switch (p.kind) {
      case 'reference':
        return `SELECT create_reference_table('${p.table}');`;
      case 'root':
        return `SELECT create_distributed_table('${p.table}', '${p.column}');`;
      case 'co-located':
        return `SELECT create_distributed_table('${p.table}', '${p.column}', colocate_with => '${ROOT}');`;
      case 'lookup':
        return `SELECT create_distributed_table('${p.table}', '${p.column}', colocate_with => 'none');`;
    }
  });
}
