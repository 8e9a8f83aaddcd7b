// Every waiting activity of an engine, nested ones included: bpmn-engine lists only the top level, so a user task
// inside a subprocess (or an iteration of a multi-instance task) would be invisible to the host without this.
import type { DefinitionModel } from './definition-model';
import { iterationVariables } from './multi-instance';

export interface Postponed {
  api: any;
  /** Element variables and loop counters of the multi-instance iterations this wait is in (or is). */
  locals?: Record<string, unknown>;
  /** A multi-instance activity's own execution: it waits through its iterations, never by itself. */
  loopRoot: boolean;
}

export function postponedWithScope(engine: any, model?: DefinitionModel): Postponed[] {
  const seen = new Set<string>();
  const apis: any[] = [];
  const visit = (list: any[]) => {
    for (const api of list) {
      if (!api || api.type === 'bpmn:SequenceFlow' || seen.has(api.executionId)) continue;
      seen.add(api.executionId);
      apis.push(api);
      visit(children(api));
    }
  };
  visit(engine.execution?.getPostponed() ?? []);
  // Iteration variables by execution id; a wait inherits those of the iterations it runs in (content.parent chain).
  const own = new Map<string, Record<string, unknown>>();
  for (const api of apis) {
    const mi = model?.elements[api.id]?.multiInstance;
    const vars = mi ? iterationVariables(api, mi.elementVariable) : undefined;
    if (vars) own.set(api.executionId, vars);
  }
  return apis.map((api) => {
    const mi = model?.elements[api.id]?.multiInstance;
    const parent = api.content?.parent;
    const ancestors: any[] = parent ? [...(parent.path ?? []).slice().reverse(), parent] : [];
    let locals: Record<string, unknown> | undefined;
    for (const a of [...ancestors, { executionId: api.executionId }]) {
      const vars = own.get(a?.executionId);
      if (vars) locals = { ...locals, ...vars };
    }
    return { api, locals, loopRoot: !!mi && !own.has(api.executionId) };
  });
}

/**
 * Sub-executions of a waiting subprocess (its children) or multi-instance activity (its iterations). Other activities
 * list their event definitions' executions too: those are not waits of their own.
 */
function children(api: any): any[] {
  const owner = api.owner;
  if (!owner?.isSubProcess && !owner?.behaviour?.loopCharacteristics) return [];
  const execution = owner.execution;
  if (execution && typeof execution.getPostponed === 'function') return execution.getPostponed();
  return typeof api.getPostponed === 'function' ? api.getPostponed() : [];
}

export function allPostponed(engine: any): any[] {
  return postponedWithScope(engine).map((p) => p.api);
}

/**
 * Assigns variables to the process and to every nested scope: bpmn-elements gives each subprocess execution a
 * copy of the variables, while our variables (like Camunda's without local mappings) belong to the instance.
 */
export function assignEverywhere(engine: any, processEnvironment: any, vars: Record<string, unknown>): void {
  const environments = new Set<any>([processEnvironment]);
  for (const api of allPostponed(engine)) if (api.environment) environments.add(api.environment);
  for (const env of environments) env?.assignVariables(vars);
}
