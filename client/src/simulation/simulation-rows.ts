// The KPI rows of a simulation's comparison: deployed vs edited per KPI, the difference, and whether it is clear.
// It imports nothing: the server's type check compiles it for its unit test (test/client/), as in form-schema.ts.

/** A KPI over the replications: the mean and its 95 % confidence interval. */
export interface Stat {
  mean: number;
  ci95: [number, number];
}

export interface VariantKpis {
  slaBreaches: Record<string, Stat>;
  slaWarnings: Record<string, Stat>;
  /** null: no simulated request was answered in the period ("no data", shown as —). */
  responseOnTimeRate: Stat | null;
  /** `mean` and `started` came later (additive): shown when the server sends them. */
  resolutionHours: { p50: Stat; p90: Stat; p95: Stat; mean?: Stat };
  escalations: Record<string, Stat>;
  completed: Stat;
  started?: Stat;
}

/** What the comparison reads of a variant of the results (simulation-api.ts adds the chart series). */
export interface ComparedVariant {
  /** 'v3' for a deployed version, 'edited' for the modeler's diagram. */
  label: string;
  version?: number;
  kpis: VariantKpis;
  utilisation: Record<string, Stat>;
}

/** `rate` figures are fractions 0..1 (shown as %), `hours` durations, `count` means per run. */
export type Unit = 'count' | 'rate' | 'hours';

export interface KpiRow {
  id: string;
  /** Message key and its parameters. */
  label: string;
  params?: Record<string, string>;
  unit: Unit;
  lowerIsBetter: boolean;
  base?: Stat;
  edited?: Stat;
}

/** 'better'/'worse' only when the two 95 % intervals do not overlap; otherwise the difference may be noise. */
export type Verdict = 'better' | 'worse' | 'unclear' | 'none';

const keysOf = (...maps: (Record<string, Stat> | undefined)[]) => [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))].sort();

/** Every KPI of the contract, in reading order; a policy, level or role present in only one variant still gets a row. */
export function kpiRows(base: ComparedVariant | undefined, edited: ComparedVariant | undefined): KpiRow[] {
  const a = base?.kpis;
  const b = edited?.kpis;
  const rows: KpiRow[] = [];
  for (const policy of keysOf(a?.slaBreaches, b?.slaBreaches)) {
    rows.push({ id: `breaches:${policy}`, label: 'simulation.kpi.breaches', params: { policy }, unit: 'count', lowerIsBetter: true, base: a?.slaBreaches[policy], edited: b?.slaBreaches[policy] });
  }
  for (const policy of keysOf(a?.slaWarnings, b?.slaWarnings)) {
    rows.push({ id: `warnings:${policy}`, label: 'simulation.kpi.warnings', params: { policy }, unit: 'count', lowerIsBetter: true, base: a?.slaWarnings[policy], edited: b?.slaWarnings[policy] });
  }
  rows.push({ id: 'responseOnTimeRate', label: 'simulation.kpi.responseOnTime', unit: 'rate', lowerIsBetter: false, base: a?.responseOnTimeRate ?? undefined, edited: b?.responseOnTimeRate ?? undefined });
  if (a?.resolutionHours.mean || b?.resolutionHours.mean) {
    rows.push({ id: 'resolution:mean', label: 'simulation.kpi.resolution.mean', unit: 'hours', lowerIsBetter: true, base: a?.resolutionHours.mean, edited: b?.resolutionHours.mean });
  }
  for (const p of ['p50', 'p90', 'p95'] as const) {
    rows.push({ id: `resolution:${p}`, label: `simulation.kpi.resolution.${p}`, unit: 'hours', lowerIsBetter: true, base: a?.resolutionHours[p], edited: b?.resolutionHours[p] });
  }
  for (const level of keysOf(a?.escalations, b?.escalations)) {
    rows.push({ id: `escalations:${level}`, label: 'simulation.kpi.escalations', params: { level }, unit: 'count', lowerIsBetter: true, base: a?.escalations[level], edited: b?.escalations[level] });
  }
  if (a?.started || b?.started) {
    // More started is the workload, not a result: no verdict (like utilisation).
    rows.push({ id: 'started', label: 'simulation.kpi.started', unit: 'count', lowerIsBetter: true, base: a?.started, edited: b?.started });
  }
  rows.push({ id: 'completed', label: 'simulation.kpi.completed', unit: 'count', lowerIsBetter: false, base: a?.completed, edited: b?.completed });
  for (const role of keysOf(base?.utilisation, edited?.utilisation)) {
    // Busier staff is neither good nor bad by itself: the row shows the change without a verdict colour.
    rows.push({ id: `utilisation:${role}`, label: 'simulation.kpi.utilisation', params: { role }, unit: 'rate', lowerIsBetter: true, base: base?.utilisation[role], edited: edited?.utilisation[role] });
  }
  return rows;
}

export function verdict(row: KpiRow): Verdict {
  const { base, edited } = row;
  if (!base || !edited || row.id.startsWith('utilisation:') || row.id === 'started') return 'none';
  if (edited.mean === base.mean) return 'none';
  const apart = edited.ci95[0] > base.ci95[1] || edited.ci95[1] < base.ci95[0];
  if (!apart) return 'unclear';
  return (edited.mean < base.mean) === row.lowerIsBetter ? 'better' : 'worse';
}

/** The deployed variant (it has a version) and the modeler's edited one. */
export function pickVariants<V extends ComparedVariant>(variants: V[]): { base?: V; edited?: V } {
  return { base: variants.find((v) => v.label !== 'edited'), edited: variants.find((v) => v.label === 'edited') };
}
