// The engine cache's hit and miss counters from a server's /metrics (summed over its cluster workers by the server).
export interface CacheLookups {
  hit: number;
  miss: number;
}

export async function cacheLookups(baseUrl: string): Promise<CacheLookups> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const count = (result: string) => Number(text.match(new RegExp(`serviceflow_engine_cache_lookups_total\\{result="${result}"\\} (\\d+)`))?.[1] ?? 0);
  return { hit: count('hit'), miss: count('miss') };
}

/** Hits over lookups between two readings (NaN when there were none). */
export function hitRate(before: CacheLookups, after: CacheLookups): number {
  const hits = after.hit - before.hit;
  const total = hits + after.miss - before.miss;
  return total > 0 ? hits / total : NaN;
}
