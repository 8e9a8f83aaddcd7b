// The replay of identical situations is exact: a job that answers most commands from the engine's earlier outcomes
// (within a replication and across replications of the same diagram) gives exactly the results of a job in which the
// real engine runs every command. Runs the worker's job function in-process on the shipped service-request diagram.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runJob } from '../../src/simulation/run/simulation-job';
import { sampleServiceDeskModel } from '../../src/simulation/run/sim-sample-model';
import type { RunJob } from '../../src/simulation/run/simulation-run.types';

const JOB: RunJob = {
  variants: [{ label: 'v1', version: 1, xml: readFileSync('processes/service-request.bpmn', 'utf8') }],
  model: sampleServiceDeskModel(12, { agent: 3, technician: 4, supervisor: 1 }),
  adjustments: {},
  from: '2026-03-02T00:00:00+08:00',
  days: 1,
  warmupDays: 1,
  seed: 5,
  replications: 2,
  processesDir: resolve(__dirname, '../../processes'),
};

describe('replaying identical situations', () => {
  it('gives exactly what running the engine for every command gives, across replications too', async () => {
    const replayed = await runJob(JOB);
    const full = await runJob({ ...JOB, replay: false });
    expect(full.engineRuns).toBe(full.commands);
    expect(replayed.commands).toBe(full.commands);
    expect(replayed.variants).toEqual(full.variants);
    expect(replayed.variants[0].kpis.started.mean).toBeGreaterThan(5);
    // the second replication reuses what the first learned: fewer engine runs than two separate jobs of one replication
    const one = await runJob({ ...JOB, replications: 1 });
    const second = await runJob({ ...JOB, replications: 1, seed: JOB.seed + 1 });
    expect(replayed.engineRuns).toBeLessThan(one.engineRuns + second.engineRuns);
    console.log(`replay: ${replayed.commands} commands, the engine ran ${replayed.engineRuns} (two separate replications: ${one.engineRuns} + ${second.engineRuns})`);
  }, 300_000);
});
