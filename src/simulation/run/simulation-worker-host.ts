// Starts a run in a worker thread so the HTTP server stays responsive; relays its progress and its end.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunJob, VariantResult } from './simulation-run.types';

export interface JobEvents {
  progress(fraction: number): void;
  done(results: { variants: VariantResult[]; engineRuns: number; commands: number }): void;
  failed(error: string): void;
}

/** The compiled worker beside this file; from TypeScript sources (tests, ts-node) it is loaded through ts-node. */
function workerFile(): { file: string; execArgv: string[]; env?: NodeJS.ProcessEnv } {
  const js = join(__dirname, 'simulation.worker.js');
  if (existsSync(js)) return { file: js, execArgv: [] };
  // swc transpiles the worker's few hundred modules in about a second, where TypeScript's own transpiler takes several
  return { file: join(__dirname, 'simulation.worker.ts'), execArgv: ['-r', 'ts-node/register/transpile-only'], env: { ...process.env, TS_NODE_SWC: 'true' } };
}

export function startWorker(job: RunJob, events: JobEvents): Worker {
  const { file, execArgv, env } = workerFile();
  const worker = new Worker(file, { workerData: job, execArgv, ...(env && { env }) });
  worker.unref(); // a run never keeps the process alive: a restart marks it failed (SimulationRepository.failInterrupted)
  let ended = false;
  worker.on('message', (m: { type: string; progress?: number; results?: any; error?: string }) => {
    if (m.type === 'progress') events.progress(m.progress!);
    else if (m.type === 'done') [ended] = [true, events.done(m.results)];
    else if (m.type === 'failed') [ended] = [true, events.failed(m.error!)];
  });
  worker.on('error', (err) => !ended && ((ended = true), events.failed(err.message)));
  worker.on('exit', (code) => !ended && ((ended = true), events.failed(`the simulation worker stopped (exit code ${code})`)));
  return worker;
}
