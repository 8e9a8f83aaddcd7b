// Every waiting activity of an engine, nested ones included: bpmn-engine lists only the top level, so a user task
// inside a subprocess (or an iteration of a multi-instance task) would be invisible to the host without this.
export function allPostponed(engine: any): any[] {
  const seen = new Set<string>();
  const result: any[] = [];
  const visit = (apis: any[]) => {
    for (const api of apis) {
      if (!api || api.type === 'bpmn:SequenceFlow' || seen.has(api.executionId)) continue;
      seen.add(api.executionId);
      result.push(api);
      // An activity's own getPostponed lists its sub-executions (subprocess children, multi-instance iterations).
      if (typeof api.getPostponed === 'function') visit(api.getPostponed());
    }
  };
  visit(engine.execution?.getPostponed() ?? []);
  return result;
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
