// Compiles a diagram's XML for a simulation run the way a deployed version is compiled (same parser, FEEL, context).
import { parseBpmn } from '../../engine/bpmn-parser';
import type { CompiledDefinition } from '../../engine/compiled-definition';
import { compileContext } from '../../engine/compiled-definition';
import { readDefinitionModel } from '../../engine/moddle-reader';
import { prepareForEngine } from '../../definitions/definition-compiler';

export async function compileForSimulation(xml: string, label: string, version = 0): Promise<CompiledDefinition> {
  const parsed = await parseBpmn(xml);
  prepareForEngine(parsed);
  const model = readDefinitionModel(parsed.root);
  if (!model) throw new Error(`${label}: no executable process`);
  return { id: `simulation:${label}`, key: model.processId, version, model, sourceContext: compileContext(parsed.context) };
}

const EXPRESSIONS = [
  /<bpmn:(?:conditionExpression|timeDuration|timeDate|timeCycle|completionCondition|loopCardinality|condition)\b[^>]*>([\s\S]*?)<\/bpmn:/g,
  /<camunda:(?:inputParameter|outputParameter)\b[^>]*>([\s\S]*?)<\/camunda:/g,
  /camunda:(?:assignee|candidateUsers|candidateGroups|collection|elementVariable|calledElementVersion)="([^"]*)"/g,
  /\b(?:source|sourceExpression|businessKey)="([^"]*)"/g,
];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * The variable names a diagram's expressions can read (conditions, timers, parameters, assignments): what decides an
 * instance's way through it. Over-inclusive on purpose (keywords and literals are harmless names).
 */
export function variablesRead(xml: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of EXPRESSIONS) for (const m of xml.matchAll(pattern)) for (const n of m[1].matchAll(NAME)) names.add(n[0]);
  return names;
}
