// `node --expose-gc -r ts-node/register/transpile-only bench/engine-cache-micro.ts [N]`: what a cache hit saves.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SystemClock } from '../src/common/clock';
import { parseBpmn } from '../src/engine/bpmn-parser';
import { compileContext } from '../src/engine/compiled-definition';
import { readDefinitionModel } from '../src/engine/moddle-reader';
import { ProcessRunner } from '../src/engine/process-runner';
import { ServiceRegistry } from '../src/engine/service-registry';
import { notifyCustomer } from '../src/handlers/notify-customer.handler';
import { SERVICE_REQUEST_START } from '../test/support/service-request';
import type { LiveEngine } from '../src/engine/live-engine';

/** In-memory, one process: N service-request starts (engines kept), then each one's first task completed by recovering
 * from the saved state (a cache miss) and again on the kept engine (a hit); heap per kept engine. */
async function main() {
  const parsed = await parseBpmn(readFileSync(resolve(__dirname, '../processes/service-request.bpmn'), 'utf8'));
  const model = readDefinitionModel(parsed.root)!;
  const definition = { id: 'b', key: model.processId, version: 1, model, sourceContext: compileContext(parsed.context) };
  const registry = new ServiceRegistry();
  registry.register('notifyCustomer', 'bench', notifyCustomer);
  const runner = new ProcessRunner(registry, new SystemClock());
  const N = Number(process.argv[2] ?? 300);
  for (let i = 0; i < 50; i++) await runner.run({ definition, instanceId: `w${i}`, businessKey: null, state: null, action: { type: 'start', variables: { ...SERVICE_REQUEST_START } } });
  const kept: { live: LiveEngine; state: any; variables: any; exec: string }[] = [];
  const heap0 = (global.gc?.(), process.memoryUsage().heapUsed);
  let stateBytes = 0;
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    let live: LiveEngine | undefined;
    const r = await runner.run({ definition, instanceId: `i${i}`, businessKey: null, state: null, action: { type: 'start', variables: { ...SERVICE_REQUEST_START } }, keep: (l) => (live = l) });
    const s = JSON.stringify(r.state);
    stateBytes += s.length;
    kept.push({ live: live!, state: s, variables: JSON.stringify(r.variables), exec: r.userTasks[0].executionId });
  }
  const startMs = (performance.now() - t) / N;
  global.gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const k = kept[i];
    await runner.run({ definition, instanceId: `i${i}`, businessKey: null, state: JSON.parse(k.state), variables: JSON.parse(k.variables), action: { type: 'signal', activityId: 'Task_RecordRequest', executionId: k.exec, variables: { requirementUnderstood: true } } });
  }
  const missMs = (performance.now() - t) / N;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const k = kept[i];
    const r = await runner.run({ definition, instanceId: `i${i}`, businessKey: null, state: null, live: k.live, action: { type: 'signal', activityId: 'Task_RecordRequest', executionId: k.exec, variables: { requirementUnderstood: true } } });
    JSON.stringify(r.state);
  }
  const hitMs = (performance.now() - t) / N;
  console.log(JSON.stringify({ N, startMs, missMs, hitMs, heapPerEngineKb: (heap1 - heap0) / N / 1024, stateKb: stateBytes / N / 1024, heapPerStateByte: (heap1 - heap0) / stateBytes }));
}
void main();
