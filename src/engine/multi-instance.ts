// Multi-instance loops in the Camunda dialect: camunda:collection as a variable name, ${path} or FEEL, and the loop
// variables Camunda gives completion conditions (nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances, loopCounter).
const JUEL_PATH = /^\s*[$#]\{\s*([A-Za-z_][\w.]*)\s*\}\s*$/;
const PLAIN_PATH = /^\s*([A-Za-z_][\w.]*)\s*$/;

/** A collection reference as FEEL, or null when it is neither FEEL nor a plain variable path. */
export function collectionAsFeel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.trimStart().startsWith('=')) return value;
  const path = JUEL_PATH.exec(value)?.[1] ?? PLAIN_PATH.exec(value)?.[1];
  return path ? `=${path}` : null;
}

/** Rewrites every multi-instance collection of a parsed moddle context to FEEL, before it is serialized. */
export function normalizeLoops(moddleContext: any): void {
  for (const el of Object.values<any>(moddleContext.elementsById ?? {})) {
    const loop = el.loopCharacteristics;
    if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') continue;
    const feel = collectionAsFeel(loop.collection);
    if (feel) loop.collection = feel;
    const cardinality = loop.loopCardinality;
    if (cardinality?.body && !String(cardinality.body).trimStart().startsWith('=')) cardinality.body = collectionAsFeel(cardinality.body) ?? `=${String(cardinality.body).trim()}`;
  }
}

/** Loop variables for an expression evaluated on a multi-instance message (completion condition). */
export function loopVariables(context: any): Record<string, unknown> {
  const content = context?.content;
  if (!content || content.loopCardinality === undefined) return {};
  const output: unknown[] = content.loopOutput ?? context.loopOutput ?? [];
  const completed = Array.isArray(output) ? output.filter((o) => o !== undefined && o !== null).length : 0;
  const total = Number(content.loopCardinality) || 0;
  return { nrOfInstances: total, nrOfCompletedInstances: completed, nrOfActiveInstances: Math.max(0, total - completed), loopCounter: content.index };
}

/** The element variable and loopCounter of a waiting iteration, or undefined when it is not one. */
export function iterationVariables(api: any, elementVariable: string | undefined): Record<string, unknown> | undefined {
  const content = api?.content;
  if (!content?.isMultiInstance || content.isRootScope || content.index === undefined) return undefined;
  const vars: Record<string, unknown> = { loopCounter: content.index };
  if (elementVariable && elementVariable in content) vars[elementVariable] = content[elementVariable];
  return vars;
}
