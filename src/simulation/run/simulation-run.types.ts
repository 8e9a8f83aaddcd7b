// The shapes of a simulation run: what it is asked (request, learned model) and what it reports (KPIs with intervals).

/** A mean over replications and its 95 % t-interval. */
export interface Stat {
  mean: number;
  ci95: [number, number];
}

export interface Lognormal {
  meanHours: number;
  cv: number;
}

/** The parts of the learned model (GET /api/simulations/model) a run reads; other fields are ignored. */
export interface SimModel {
  timeZone?: string;
  arrivals: { perWeek?: number; byHourOfWeek: { day: number; hour: number; perWeek: number }[]; mix?: Record<string, number> };
  /** `claimedShare`: the share of the tasks someone claimed (0 while the role's other tasks are claimed: nobody works on it). */
  activities?: Record<string, { activityId: string; role: string | null; duration: Lognormal; working?: Lognormal; claimedShare?: number }>;
  decisions?: Record<string, Record<string, Record<string, number>>>;
  /** `otherWork`: per role, tasks of other processes a week and their time in work (the same people do them). */
  staffing?: { roles?: Record<string, number>; concurrency?: Record<string, number>; calendar?: string; otherWork?: Record<string, { perWeek: number; working: Lognormal }> };
  /** How long message catches wait (customer, spare parts), by activity id; default a day. */
  messages?: Record<string, Lognormal>;
}

export interface Adjustments {
  arrivalsPercent?: number;
  staff?: Record<string, number>;
}

/** One diagram to simulate: a deployed version or the edited (candidate) one. */
export interface VariantInput {
  label: string;
  version?: number;
  xml: string;
}

/** Everything a worker needs: no database access happens inside a run. */
export interface RunJob {
  variants: VariantInput[];
  model: SimModel;
  adjustments: Adjustments;
  from: string;
  days: number;
  seed: number;
  replications: number;
  processesDir: string;
  /** Days simulated before `from` and not measured (default 7). */
  warmupDays?: number;
  /** false: the engine runs every command (no replay of identical situations); for checking the replay. */
  replay?: boolean;
}

export interface VariantKpis {
  slaBreaches: Record<string, Stat>;
  slaWarnings: Record<string, Stat>;
  /** null: no replication had a first response in the period ("no data"). */
  responseOnTimeRate: Stat | null;
  resolutionHours: { p50: Stat; p90: Stat; p95: Stat; mean: Stat };
  escalations: Record<string, Stat>;
  completed: Stat;
  started: Stat;
}

export interface VariantResult {
  label: string;
  version?: number;
  kpis: VariantKpis;
  backlog: { day: number; mean: number }[];
  breachesPerWeek: { week: number; mean: number }[];
  utilisation: Record<string, Stat>;
}

/** What one replication of one variant measured (the inputs of the Stats). */
export interface ReplicationOutcome {
  breaches: Record<string, number>;
  warnings: Record<string, number>;
  onTime: number;
  responded: number;
  resolutionHours: number[];
  escalations: Record<string, number>;
  completed: number;
  started: number;
  /** Open instances at the end of each simulated day. */
  backlog: number[];
  /** SLA breaches by week of their due time. */
  breachesPerWeek: number[];
  utilisation: Record<string, number>;
  commands: number;
  /** Commands the engine ran itself (the others replayed an identical situation). */
  engineRuns?: number;
}
