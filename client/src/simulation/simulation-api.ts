// The simulation API as the client sees it (issue 18): the learned model's staffing, starting a run, reading its state.
import { api } from '../app/api';
import type { ComparedVariant, Stat, VariantKpis } from './simulation-rows';

export type { Stat, VariantKpis };

export interface SimulationVariant extends ComparedVariant {
  backlog: { day: number; mean: number }[];
  breachesPerWeek: { week: number; mean: number }[];
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
