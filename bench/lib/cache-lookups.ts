// The engine cache's hit and miss counters from a server's /metrics (each cluster worker's series, aggregated by the
// primary), with where instance commands ran (serviceflow_instance_routing_total: owner, forwarded, fallback).
export interface CacheLookups {
  hit: number;
  miss: number;
  /** Per cluster worker slot. */
  workers: Record<string, { hit: number; miss: number }>;
  routing: Record<string, number>;
}

export async function cacheLookups(baseUrl: string): Promise<CacheLookups> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const out: CacheLookups = { hit: 0, miss: 0, workers: {}, routing: {} };
  for (const [, labels, value] of text.matchAll(/^serviceflow_engine_cache_lookups_total\{([^}]*)\} (\d+)/gm)) {
    const result = /result="(hit|miss)"/.exec(labels)?.[1] as 'hit' | 'miss' | undefined;
    if (!result) continue;
    const worker = /worker="([^"]*)"/.exec(labels)?.[1] ?? '0';
    out[result] += Number(value);
    (out.workers[worker] ??= { hit: 0, miss: 0 })[result] += Number(value);
  }
  for (const [, result, value] of text.matchAll(/^serviceflow_instance_routing_total\{result="([^"]+)"\} (\d+)/gm)) out.routing[result] = Number(value);
  return out;
}

/** Hits over lookups between two readings (NaN when there were none). */
export function hitRate(before: { hit: number; miss: number }, after: { hit: number; miss: number }): number {
  const hits = after.hit - before.hit;
  const total = hits + after.miss - before.miss;
  return total > 0 ? hits / total : NaN;
}

/** Each worker's hit rate and the routing counts between two readings, e.g. { workers: { '0': 0.98, … }, routing: { forwarded: 310, … } }. */
export function cacheBreakdown(before: CacheLookups, after: CacheLookups): { workers: Record<string, number>; routing: Record<string, number> } {
  const workers = Object.fromEntries(Object.entries(after.workers).map(([w, a]) => [w, Math.round(hitRate(before.workers[w] ?? { hit: 0, miss: 0 }, a) * 1000) / 1000]));
  const routing = Object.fromEntries(Object.entries(after.routing).map(([r, n]) => [r, n - (before.routing[r] ?? 0)]));
  return { workers, routing };
}
