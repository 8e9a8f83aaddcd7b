// Runs a whole job (every variant × replication) off the database: what the worker thread executes.
import type { AppConfig } from '../../config/app-config';
import { SituationCache } from '../../engine/in-memory-runner';
import { SlaConfig } from '../../sla/sla-config';
import { compileForSimulation, variablesRead } from './sim-definition.util';
import { SimulationLoop } from './simulation-loop';
import { variantResult } from './simulation-stats.util';
import type { ReplicationOutcome, RunJob, VariantResult } from './simulation-run.types';

/** Simulated days before the measured period, so that it starts with the work in progress a real desk has. */
export const WARMUP_DAYS = 7;

export async function runJob(job: RunJob, onProgress: (fraction: number) => void = () => undefined): Promise<{ variants: VariantResult[]; engineRuns: number; commands: number }> {
  const sla = new SlaConfig({ PROCESSES_DIR: job.processesDir } as AppConfig);
  const variants: VariantResult[] = [];
  const total = job.variants.length * job.replications;
  let done = 0;
  let engineRuns = 0;
  let commands = 0;
  for (const v of job.variants) {
    const definition = await compileForSimulation(v.xml, v.label, v.version);
    const relevant = job.replay === false ? null : variablesRead(v.xml);
    const outcomes: ReplicationOutcome[] = [];
    const situations = new SituationCache(); // what the engine answered, reused by every replication of this variant
    for (let rep = 0; rep < job.replications; rep++) {
      // The same seed per replication for every variant: the variants meet the same customers (common random numbers).
      const loop = new SimulationLoop({ definition, model: job.model, adjustments: job.adjustments, sla, relevant, from: Date.parse(job.from), days: job.days, warmupDays: job.warmupDays ?? WARMUP_DAYS, seed: job.seed + rep, situations, onProgress: (f) => onProgress((done + f) / total) });
      const outcome = await loop.run();
      outcomes.push(outcome);
      engineRuns += outcome.engineRuns ?? 0;
      commands += outcome.commands;
      onProgress(++done / total);
    }
    variants.push(variantResult(v.label, v.version, outcomes));
  }
  return { variants, engineRuns, commands };
}
