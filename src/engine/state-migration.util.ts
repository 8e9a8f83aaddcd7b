// Rewrites a saved bpmn-engine state (getState()) so it recovers on another version: element ids renamed per a migration plan.
/** The properties of a saved state that name a BPMN element (activities, their flows' ends, a boundary's host). */
const ELEMENT_REFS = new Set(['id', 'targetId', 'sourceId', 'attachedTo', 'activityId', 'elementId']);

/**
 * A copy of `state` where every element reference in `mapping` (source id → target id) names its target. Execution ids
 * (e.g. `Task_A_3f2c…`) are opaque and kept, so user tasks, subscriptions and timers keyed by them stay the same rows.
 */
export function rewriteStateIds({ state, mapping }: { state: unknown; mapping: Record<string, string> }): unknown {
  const renames = Object.entries(mapping).filter(([from, to]) => from !== to);
  if (!renames.length || state === null || state === undefined) return state;
  const to = new Map(renames);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = typeof v === 'string' && ELEMENT_REFS.has(key) && to.has(v) ? to.get(v) : walk(v);
    return out;
  };
  return walk(state);
}
