// The targets, checked against the figures, and the table the bench prints.
export interface Results {
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  limits: { pgCommitsPerSec1: number; pgCommitsPerSec16: number; rawEngineStartsPerSec: number; rawEngineStartsPerSecAllCores: number; rawEngineCompletionsPerSec: number };
  api: { startsPerSec: number; completionsPerSec: number; p50Ms: number; p99Ms: number; cacheHitRate: number; oneTaskStartsPerSec: number; oneTaskCompletionsPerSec: number; [more: string]: unknown };
  timers: { armed: number; latenessP50Ms: number; latenessP99Ms: number; wakeupsPerSec: number; duplicates: number; missing: number; steady: SteadyTimers; [more: string]: unknown };
  growth: { parked: number; startsPerSecEmpty: number; startsPerSecParked: number; completionsPerSecEmpty: number; completionsPerSecParked: number; rssMbEmpty: number; rssMbParked: number; [more: string]: unknown };
  ratios: { startsVsRawEngine: number; startsVsRawEngineAllCores: number; startsVsPgLimit: number; completionsVsPgLimit: number; completionsVsRawEngineStarts: number; completionsVsRawEngineCompletions: number };
}

/** Timers falling due at a constant rate (half the burst's wake-ups) for `seconds`. */
export interface SteadyTimers {
  ratePerSec: number;
  seconds: number;
  armed: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  duplicates: number;
  missing: number;
}

export interface Target {
  figure: string;
  value: string;
  target: string;
  met: boolean;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** The targets of issue 7 (2-core machine), one row each. */
export function checkTargets(r: Results): Target[] {
  const g = r.growth;
  return [
    { figure: 'durable starts/s', value: `${r.api.startsPerSec}`, target: '≥ 500', met: r.api.startsPerSec >= 500 },
    { figure: 'starts vs raw engine', value: `${r.ratios.startsVsRawEngine}×`, target: '≥ 1.0×', met: r.ratios.startsVsRawEngine >= 1 },
    { figure: 'task completions/s', value: `${r.api.completionsPerSec}`, target: '≥ 500', met: r.api.completionsPerSec >= 500 },
    { figure: 'p99 latency at half load', value: `${r.api.p99Ms} ms`, target: '≤ 50 ms', met: r.api.p99Ms <= 50 },
    { figure: `timer lateness p99 (${r.timers.armed} armed)`, value: `${r.timers.latenessP99Ms} ms`, target: '≤ 1000 ms with 10,000', met: r.timers.latenessP99Ms <= 1000 && r.timers.armed >= 10_000 },
    { figure: 'timer duplicates', value: `${r.timers.duplicates}`, target: '0', met: r.timers.duplicates === 0 },
    // issue 15
    { figure: 'starts vs raw engine on all cores', value: `${r.ratios.startsVsRawEngineAllCores}×`, target: '≥ 0.9× (issue 15)', met: r.ratios.startsVsRawEngineAllCores >= 0.9 },
    { figure: 'completions vs raw engine starts (1 process)', value: `${r.ratios.completionsVsRawEngineStarts}×`, target: '≥ 2× (issue 15)', met: r.ratios.completionsVsRawEngineStarts >= 2 },
    { figure: `steady timers p99 (${r.timers.steady.ratePerSec}/s, ${r.timers.steady.seconds} s)`, value: `${r.timers.steady.latenessP99Ms} ms`, target: '≤ 1000 ms (issue 15)', met: r.timers.steady.latenessP99Ms <= 1000 },
    { figure: 'steady timers duplicates / missing', value: `${r.timers.steady.duplicates} / ${r.timers.steady.missing}`, target: '0 / 0 (issue 15)', met: r.timers.steady.duplicates === 0 && r.timers.steady.missing === 0 },
    { figure: `starts/s with ${g.parked} parked`, value: `${g.startsPerSecParked} vs ${g.startsPerSecEmpty}`, target: '≥ 90 % of empty, 100,000 parked', met: g.parked >= 100_000 && ratio(g.startsPerSecParked, g.startsPerSecEmpty) >= 0.9 },
    { figure: `completions/s with ${g.parked} parked`, value: `${g.completionsPerSecParked} vs ${g.completionsPerSecEmpty}`, target: '≥ 90 % of empty, 100,000 parked', met: g.parked >= 100_000 && ratio(g.completionsPerSecParked, g.completionsPerSecEmpty) >= 0.9 },
    { figure: `RSS with ${g.parked} parked`, value: `${g.rssMbParked} vs ${g.rssMbEmpty} MB`, target: '≤ 110 % of empty', met: ratio(g.rssMbParked, g.rssMbEmpty) <= 1.1 },
  ];
}

export function printTable(r: Results, targets: Target[], out: (line: string) => void): void {
  const rows: [string, string][] = [
    ['PostgreSQL commits/s, 1 client', `${r.limits.pgCommitsPerSec1}`],
    ['PostgreSQL commits/s, 16 clients', `${r.limits.pgCommitsPerSec16}`],
    ['raw engine starts/s (1 process)', `${r.limits.rawEngineStartsPerSec}`],
    ['raw engine starts/s (1 process per core, summed)', `${r.limits.rawEngineStartsPerSecAllCores}`],
    ['ours: durable starts/s', `${r.api.startsPerSec}`],
    ['raw engine completions/s (recover + signal, 1 process)', `${r.limits.rawEngineCompletionsPerSec}`],
    ['ours: task completions/s', `${r.api.completionsPerSec}`],
    ['ours: engine cache hit rate (completions)', `${r.api.cacheHitRate} (per worker ${JSON.stringify(r.api.cacheHitRateByWorker ?? {})}, routed ${JSON.stringify(r.api.routing ?? {})})`],
    [`ours: task completions/s within the cache's reach (rounds of ${r.api.warmBatch ?? 64})`, `${r.api.warmCompletionsPerSec} (hit rate ${r.api.warmCacheHitRate})`],
    ['ours: one-user-task process starts/s, completions/s', `${r.api.oneTaskStartsPerSec}, ${r.api.oneTaskCompletionsPerSec}`],
    ['ours: latency p50 / p99 at half load', `${r.api.p50Ms} / ${r.api.p99Ms} ms`],
    [`timers: lateness p50 / p99 (${r.timers.armed} armed)`, `${r.timers.latenessP50Ms} / ${r.timers.latenessP99Ms} ms`],
    ['timers: wake-ups/s, duplicates', `${r.timers.wakeupsPerSec}, ${r.timers.duplicates}`],
    [`timers: steady ${r.timers.steady.ratePerSec}/s for ${r.timers.steady.seconds} s, lateness p50 / p99`, `${r.timers.steady.latenessP50Ms} / ${r.timers.steady.latenessP99Ms} ms`],
    ['timers: steady duplicates, missing', `${r.timers.steady.duplicates}, ${r.timers.steady.missing}`],
    [`growth: starts/s empty → ${r.growth.parked} parked`, `${r.growth.startsPerSecEmpty} → ${r.growth.startsPerSecParked}`],
    [`growth: completions/s empty → ${r.growth.parked} parked`, `${r.growth.completionsPerSecEmpty} → ${r.growth.completionsPerSecParked}`],
    ['growth: WAL per start empty → parked', `${r.growth.walKbPerStartEmpty} → ${r.growth.walKbPerStartParked} kB`],
    ['growth: server RSS empty → parked', `${r.growth.rssMbEmpty} → ${r.growth.rssMbParked} MB`],
    ['ratio: starts / raw engine', `${r.ratios.startsVsRawEngine}×`],
    ['ratio: starts / raw engine on all cores', `${r.ratios.startsVsRawEngineAllCores}×`],
    ['ratio: starts / PG 16-client commits', `${r.ratios.startsVsPgLimit}×`],
    ['ratio: completions / raw engine starts', `${r.ratios.completionsVsRawEngineStarts}×`],
    ['ratio: completions / raw engine completions', `${r.ratios.completionsVsRawEngineCompletions}×`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  out('');
  out('Figures');
  for (const [k, v] of rows) out(`  ${k.padEnd(w)}  ${v}`);
  out('');
  out('Targets (issue 7, 2-core machine)');
  const fw = Math.max(...targets.map((t) => t.figure.length));
  const vw = Math.max(...targets.map((t) => t.value.length));
  const tw = Math.max(...targets.map((t) => t.target.length));
  for (const t of targets) out(`  ${t.figure.padEnd(fw)}  ${t.value.padEnd(vw)}  ${t.target.padEnd(tw)}  ${t.met ? 'met' : 'NOT met'}`);
}
