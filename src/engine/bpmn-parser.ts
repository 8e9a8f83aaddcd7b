// Parses BPMN XML with bpmn-moddle and the Camunda descriptor: the one moddle setup for lint, model and engine.
import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { linkFlows } from './link-flows';
import type { ModdleElement } from './moddle-reader';

export interface ParsedBpmn {
  root: ModdleElement;
  /** The moddle context bpmn-engine serializes (elementsById, references, warnings). */
  context: any;
  warnings: { message: string; elementId?: string }[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  const moddle = new BpmnModdle({ camunda });
  const context = await moddle.fromXML(xml);
  const warnings = (context.warnings ?? []).map((w: any) => ({ message: String(w.message ?? w), elementId: w.element?.id }));
  linkFlows(Object.values(context.elementsById ?? {}));
  return { root: context.rootElement, context, warnings };
}
