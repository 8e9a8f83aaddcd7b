// Parses BPMN XML with bpmn-moddle and the Camunda descriptor: the one moddle setup for lint, model and engine.
import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
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
  linkFlows(context.elementsById ?? {});
  return { root: context.rootElement, context, warnings };
}

/** bpmn-js writes incoming/outgoing; other tools and hand-written XML may not. BPMN derives them from the flows. */
function linkFlows(elementsById: Record<string, ModdleElement>): void {
  for (const flow of Object.values(elementsById)) {
    if (flow.$type !== 'bpmn:SequenceFlow') continue;
    addOnce(flow.sourceRef, 'outgoing', flow);
    addOnce(flow.targetRef, 'incoming', flow);
  }
}

function addOnce(node: ModdleElement | undefined, property: 'incoming' | 'outgoing', flow: ModdleElement): void {
  if (!node) return;
  const list: ModdleElement[] = node.get(property);
  if (!list.includes(flow)) list.push(flow);
}
