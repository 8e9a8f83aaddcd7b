// Writes that participants hand to the command instead of sending them: sent together after the last participant, in
// one statement (data-modifying CTEs), so that e.g. a command's history and outbox rows cost one round trip.
//
// The parts of one statement run on one snapshot: none sees another's rows, and no two may change the same row. Defer
// only inserts of rows nothing else in the command reads, and at most one part per table whose ids must follow the
// order the rows were given in (a sequence is drawn in VALUES order within a part, in no fixed order across parts).

/** One statement with its own $1…$n parameters (no `$<digits>` inside literals: they are renumbered). */
export interface Write {
  sql: string;
  params: unknown[];
}

/** The writes as one statement (WITH w0 AS (…), w1 AS (…) <last>), or null when there are none. */
export function combineWrites(writes: Write[]): Write | null {
  if (writes.length <= 1) return writes[0] ?? null;
  const params: unknown[] = [];
  const parts = writes.map((w) => {
    const offset = params.length;
    params.push(...w.params);
    return w.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop()!;
  return { sql: `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} ${last}`, params };
}

/** `(${p1}, ${p2}::jsonb), (…)`: the VALUES rows of `rows`, each cell cast as `casts` says (e.g. '::jsonb'), parameters from `first`. */
export function valuesOf(rows: unknown[][], casts: string[], first = 1): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = rows
    .map((row) => `(${row.map((cell, k) => `$${first + params.push(cell) - 1}${casts[k] ?? ''}`).join(', ')})`)
    .join(', ');
  return { sql, params };
}
