// The machine's own limits: PostgreSQL's durable commit rate, and the engine's in-memory start→first-wait rate.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { SystemClock } from '../../src/common/clock';
import { parseBpmn } from '../../src/engine/bpmn-parser';
import { compileContext, type CompiledDefinition } from '../../src/engine/compiled-definition';
import { readDefinitionModel } from '../../src/engine/moddle-reader';
import { ProcessRunner } from '../../src/engine/process-runner';
import { ServiceRegistry } from '../../src/engine/service-registry';
import { notifyCustomer } from '../../src/handlers/notify-customer.handler';
import { SERVICE_REQUEST_START } from '../../test/support/service-request';
import { closedLoop, round } from '../lib/load';

/** Autocommit single-row INSERTs from `clients` connections for `seconds`: each one a durable (fsynced) commit. */
export async function pgCommitsPerSec(databaseUrl: string, clients: number, seconds: number): Promise<number> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('CREATE TABLE IF NOT EXISTS bench_commits (id bigserial PRIMARY KEY, client int NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  const connections = await Promise.all(Array.from({ length: clients }, async () => {
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    return c;
  }));
  try {
    // Each connection inserts in its own loop: one statement in flight per connection.
    let commits = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(connections.map(async (c, n) => {
      while (performance.now() < deadline) {
        await c.query('INSERT INTO bench_commits (client) VALUES ($1)', [n]);
        commits++;
      }
    }));
    return round(commits / ((performance.now() - started) / 1000));
  } finally {
    await Promise.all(connections.map((c) => c.end()));
    await admin.query('TRUNCATE bench_commits');
    await admin.end();
  }
}

/**
 * service-request from start to its first wait (Task_RecordRequest) in memory, through the product's own ProcessRunner
 * (same moddle setup, FEEL, extension and notifyCustomer handler; state serialized as for saving), one process.
 */
export async function rawEngineStartsPerSec(seconds: number): Promise<{ perSec: number; p50Ms: number }> {
  const { definition, runner } = await serviceRequestRunner();
  const startOne = async (i: number) => {
    const result = await runner.run({ definition, instanceId: `bench-${i}`, businessKey: `RAW-${i}`, state: null, action: { type: 'start', variables: { ...SERVICE_REQUEST_START } } });
    JSON.stringify(result.state); // what saving it would cost first
    if (result.userTasks[0]?.activityId !== 'Task_RecordRequest') throw new Error(`raw engine stopped at ${result.activeActivityIds.join(', ')}`);
  };
  await closedLoop(startOne, { concurrency: 1, seconds: Math.min(2, seconds) }); // warm-up (JIT)
  const result = await closedLoop(startOne, { concurrency: 1, seconds });
  if (result.failed) throw new Error(`raw engine: ${result.firstError}`);
  return { perSec: result.perSec, p50Ms: round(result.p50Ms, 2) };
}

/**
 * The engine's completion limit, what a command costs without a cached engine: recover a saved service-request at
 * Task_RecordRequest → resume → signal the task → run to the next wait → serialize the state, one process.
 */
export async function rawEngineCompletionsPerSec(seconds: number): Promise<{ perSec: number; p50Ms: number }> {
  const { definition, runner } = await serviceRequestRunner();
  const started = await runner.run({ definition, instanceId: 'bench-c', businessKey: 'RAW-C', state: null, action: { type: 'start', variables: { ...SERVICE_REQUEST_START } } });
  const saved = JSON.stringify(started.state);
  const savedVariables = JSON.stringify(started.variables);
  const task = started.userTasks[0];
  const completeOne = async () => {
    const signal = { type: 'signal' as const, activityId: task.activityId, executionId: task.executionId, variables: { requirementUnderstood: true } };
    const result = await runner.run({ definition, instanceId: 'bench-c', businessKey: 'RAW-C', state: JSON.parse(saved), variables: JSON.parse(savedVariables), action: signal });
    JSON.stringify(result.state);
    if (result.userTasks[0]?.activityId === 'Task_RecordRequest' || !result.userTasks.length) throw new Error(`raw completion stopped at ${result.activeActivityIds.join(', ')}`);
  };
  await closedLoop(completeOne, { concurrency: 1, seconds: Math.min(2, seconds) }); // warm-up (JIT)
  const result = await closedLoop(completeOne, { concurrency: 1, seconds });
  if (result.failed) throw new Error(`raw engine completions: ${result.firstError}`);
  return { perSec: result.perSec, p50Ms: round(result.p50Ms, 2) };
}

async function serviceRequestRunner(): Promise<{ definition: CompiledDefinition; runner: ProcessRunner }> {
  const xml = readFileSync(resolve(__dirname, '../../processes/service-request.bpmn'), 'utf8');
  const parsed = await parseBpmn(xml);
  const model = readDefinitionModel(parsed.root);
  if (!model) throw new Error('service-request.bpmn has no executable process');
  const definition: CompiledDefinition = { id: 'bench', key: model.processId, version: 1, model, sourceContext: compileContext(parsed.context) };
  const registry = new ServiceRegistry();
  registry.register('notifyCustomer', 'bench', notifyCustomer);
  return { definition, runner: new ProcessRunner(registry, new SystemClock()) };
}

/**
 * The same raw-engine loop in `processes` separate processes at once (one per core by default), summed: what this
 * machine's cores deliver together to the engine alone, the ceiling of any multi-process server built on it.
 */
export async function rawEngineAllCoresPerSec(seconds: number, processes: number): Promise<{ perSec: number; perProcess: number[] }> {
  const child = resolve(__dirname, 'raw-engine-child.ts');
  const runOne = () =>
    new Promise<number>((done, fail) =>
      execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', child, String(seconds)], { cwd: resolve(__dirname, '../..'), env: { ...process.env, TS_NODE_SWC: 'true' } }, (err, stdout, stderr) =>
        err ? fail(new Error(`raw engine process: ${stderr || err.message}`)) : done(JSON.parse(stdout.trim().split('\n').pop()!).perSec),
      ),
    );
  const perProcess = await Promise.all(Array.from({ length: processes }, runOne));
  return { perSec: round(perProcess.reduce((a, b) => a + b, 0)), perProcess };
}
