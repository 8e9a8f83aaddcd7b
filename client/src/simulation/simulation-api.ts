// The simulation API as the client sees it (issue 18): the learned model's staffing, starting a run, reading its state.
import { api } from '../app/api';

/** A KPI over the replications: the mean and its 95 % confidence interval. */
export interface Stat {
  mean: number;
  ci95: [number, number];
}

export interface VariantKpis {
  slaBreaches: Record<string, Stat>;
  slaWarnings: Record<string, Stat>;
  responseOnTimeRate: Stat;
  resolutionHours: { p50: Stat; p90: Stat; p95: Stat };
  escalations: Record<string, Stat>;
  completed: Stat;
}

export interface SimulationVariant {
  /** 'v3' for a deployed version, 'edited' for the modeler's diagram. */
  label: string;
  version?: number;
  kpis: VariantKpis;
  backlog: { day: number; mean: number }[];
  breachesPerWeek: { week: number; mean: number }[];
  utilisation: Record<string, Stat>;
}

export type SimulationStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Simulation {
  id: string;
  status: SimulationStatus;
  progress: number;
  error?: string;
  request: unknown;
  results?: { variants: SimulationVariant[]; backtest?: unknown };
}

export interface SimulationRequest {
  definitionKey: string;
  versions?: number[];
  candidateXml?: string;
  fromHistory?: { from: string; to: string };
  adjustments?: { arrivalsPercent?: number; staff?: Record<string, number> };
  days: number;
  seed?: number;
  replications?: number;
}

/** What the dialog shows of the model learned from the chosen period: the history it saw and the staff per role. */
export interface LearnedModel {
  instances: number;
  arrivals: { perWeek: number };
  staffing: { roles: Record<string, number> };
}

export function loadModel(definitionKey: string, from: string, to: string): Promise<LearnedModel> {
  return api<LearnedModel>('/api/simulations/model', { query: { definitionKey, from, to } });
}

export function startSimulation(request: SimulationRequest): Promise<{ id: string; status: SimulationStatus }> {
  return api('/api/simulations', { method: 'POST', body: request });
}

export function getSimulation(id: string): Promise<Simulation> {
  return api<Simulation>(`/api/simulations/${encodeURIComponent(id)}`);
}
