// The engine's own cost of one timer firing (`node -r ts-node/register/transpile-only bench/timer-engine-micro.ts`):
// the bench's timer-load instance recovered from its saved state, resumed (the due timer fires), run to its user task
// and serialized, one at a time in one process, through the product's ProcessRunner: the ceiling per core of any
// firing that recovers the engine.
import { SystemClock } from '../src/common/clock';
import { parseBpmn } from '../src/engine/bpmn-parser';
import { compileContext, type CompiledDefinition } from '../src/engine/compiled-definition';
import { readDefinitionModel } from '../src/engine/moddle-reader';
import { ProcessRunner } from '../src/engine/process-runner';
import { ServiceRegistry } from '../src/engine/service-registry';
import { notifyCustomer } from '../src/handlers/notify-customer.handler';
import { TIMER_PROCESS } from '../test/support/timer-load';
import { closedLoop, round } from './lib/load';

async function main(): Promise<void> {
  const parsed = await parseBpmn(TIMER_PROCESS);
  const model = readDefinitionModel(parsed.root)!;
  const definition: CompiledDefinition = { id: 'micro', key: model.processId, version: 1, model, sourceContext: compileContext(parsed.context) };
  const registry = new ServiceRegistry();
  registry.register('notifyCustomer', 'micro', notifyCustomer);
  const runner = new ProcessRunner(registry, new SystemClock());
  const at = new Date(Date.now() + 1000).toISOString();
  const started = await runner.run({ definition, instanceId: 'micro', businessKey: 'M', state: null, action: { type: 'start', variables: { at } } });
  const [timer] = started.timers;
  const saved = JSON.stringify(started.state);
  const variables = JSON.stringify(started.variables);
  process.stdout.write(`state ${saved.length} bytes; timer ${timer.key} due ${timer.dueAt.toISOString()}\n`);
  await new Promise((done) => setTimeout(done, 1100));
  const fireOne = async () => {
    const result = await runner.run({ definition, instanceId: 'micro', businessKey: 'M', state: JSON.parse(saved), variables: JSON.parse(variables), action: { type: 'fireTimers', keys: [timer.key] } });
    JSON.stringify(result.state);
    if (result.userTasks[0]?.activityId !== 'FollowUp') throw new Error(`stopped at ${result.activeActivityIds.join(', ')}`);
  };
  await closedLoop(fireOne, { concurrency: 1, seconds: 2 });
  const r = await closedLoop(fireOne, { concurrency: 1, seconds: Number(process.argv[2] ?? 5) });
  process.stdout.write(`timer firings (recover + resume + fire + run to the task + serialize): ${r.perSec}/s, p50 ${round(r.p50Ms, 2)} ms\n`);
}

void main();
