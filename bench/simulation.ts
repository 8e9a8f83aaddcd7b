// npm run bench:simulation: one month of a 300-requests-a-day desk, one replication, through the real engine in memory.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { AppConfig } from '../src/config/app-config';
import { SlaConfig } from '../src/sla/sla-config';
import { compileForSimulation, variablesRead } from '../src/simulation/run/sim-definition.util';
import { sampleServiceDeskModel } from '../src/simulation/run/sim-sample-model';
import { SimulationLoop } from '../src/simulation/run/simulation-loop';

async function main(): Promise<void> {
  const days = Number(process.env.SIM_DAYS ?? 30);
  const perDay = Number(process.env.SIM_PER_DAY ?? 300);
  const processes = join(__dirname, '..', 'processes');
  const sla = new SlaConfig({ PROCESSES_DIR: processes } as AppConfig);
  const xml = readFileSync(join(processes, 'service-request.bpmn'), 'utf8');
  const definition = await compileForSimulation(xml, 'bench', 1);
  const relevant = process.env.SIM_NO_REPLAY ? null : variablesRead(xml);
  const model = sampleServiceDeskModel(perDay, { agent: Math.ceil(perDay / 6), technician: Math.ceil(perDay / 3), supervisor: Math.ceil(perDay / 40) });
  const t0 = performance.now();
  let last = 0;
  const out = await new SimulationLoop({ definition, model, adjustments: {}, sla, relevant, from: Date.parse('2026-03-02T00:00:00+08:00'), days, seed: 1, onProgress: (f) => {
    if (f - last >= 0.1) { last = f; console.log(`  ${(f * 100).toFixed(0)} % after ${((performance.now() - t0) / 1000).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`); }
  } }).run();
  const s = (performance.now() - t0) / 1000;
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores)`);
  console.log(`simulation: ${days} days × ${perDay} requests/weekday, 1 replication: ${s.toFixed(1)} s (${out.started} instances, ${out.completed} completed, ${out.commands} commands of which the engine ran ${out.engineRuns}, ${((s * 1000) / out.commands).toFixed(2)} ms/command; target ≤ 180 s)`);
  console.log(`  breaches ${JSON.stringify(out.breaches)}, utilisation ${JSON.stringify(Object.fromEntries(Object.entries(out.utilisation).map(([k, v]) => [k, Math.round(v * 100) / 100])))}, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
