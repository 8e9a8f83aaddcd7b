// A definition version compiled once for the engine: its model and the serialized context every command reuses.
import * as Elements from 'bpmn-elements';
import { default as serialize, TypeResolver } from 'moddle-context-serializer';
import type { DefinitionModel } from './definition-model';

export interface CompiledDefinition {
  id: string;
  key: string;
  version: number;
  model: DefinitionModel;
  sourceContext: unknown;
}

const typeResolver = TypeResolver(Elements as any);

/** Serializes a parsed moddle context the way bpmn-engine would, once per definition version. */
export function compileContext(moddleContext: unknown): unknown {
  return serialize(moddleContext as any, typeResolver);
}
