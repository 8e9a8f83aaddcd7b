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
