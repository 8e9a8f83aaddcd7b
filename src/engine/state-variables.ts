// Keeps process variables out of the saved engine state: the instance's `variables` column holds them once, and
// each environment in the state keeps only how it differs from that column. bpmn-engine's state carries the
// variables in the definition's and in each process's environment (and a running sub-process's), so without this a
// 3.9 MB variable was stored three times (two copies in `state`, one in `variables`).

/** What an environment in the saved state holds instead of `variables`. */
interface VariablesDiff {
  /** Entries that are not the column's value (set only in this environment, or a different value). */
  changed: Record<string, unknown>;
  /** Column entries this environment does not have. */
  absent: string[];
}

type Environment = { variables?: Record<string, unknown>; variablesDiff?: VariablesDiff };

/**
 * Every `environment` in the state: the engine's, each definition's, each process's, and those a running sub-process
 * keeps deeper down. Walked without recursion; variables are not walked into (they may be large, and hold no state).
 */
function environmentsOf(state: unknown): Environment[] {
  const found: Environment[] = [];
  const stack: unknown[] = [state];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'variables' || key === 'variablesDiff' || child === null || typeof child !== 'object') continue;
      if (key === 'environment' && !Array.isArray(child)) found.push(child as Environment);
      stack.push(child);
    }
  }
  return found;
}

/**
 * Replaces each environment's variables by its difference from `column`, in place. getState() copies the variables
 * shallowly, so an entry the column took from the same environment is the same value (===): linear, no deep compare.
 */
export function slimState(state: object, column: Record<string, unknown>): void {
  for (const env of environmentsOf(state)) {
    const own = env.variables;
    if (!own || typeof own !== 'object') continue;
    const changed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(own)) if (!Object.hasOwn(column, key) || column[key] !== value) changed[key] = value;
    const absent = Object.keys(column).filter((key) => !Object.hasOwn(own, key));
    delete env.variables;
    env.variablesDiff = { changed, absent };
  }
}

/** The state as the engine saved it: each slimmed environment gets its variables back from `column`. Old rows pass as they are. */
export function fullState<S extends object>(state: S, column: Record<string, unknown>): S {
  for (const env of environmentsOf(state)) {
    const diff = env.variablesDiff;
    if (!diff) continue;
    const absent = new Set(diff.absent);
    const variables: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(column)) if (!absent.has(key)) variables[key] = value;
    env.variables = Object.assign(variables, diff.changed);
    delete env.variablesDiff;
  }
  return state;
}
