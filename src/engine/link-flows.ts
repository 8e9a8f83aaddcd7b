// bpmn-js writes incoming/outgoing; other tools and hand-written XML may not. BPMN derives them from the flows, and
// bpmnlint (no-disconnected, no-implicit-start, …) reads them: the deploy check and the modeler both link them here.
import type { ModdleElement } from './moddle-reader';

export function linkFlows(elements: Iterable<ModdleElement>): void {
  for (const flow of elements) {
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
