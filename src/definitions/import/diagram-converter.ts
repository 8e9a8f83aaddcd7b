// Converts a Camunda 7 or Flowable diagram into our dialect before deploy: code references → external-task topics,
// listeners removed, Flowable attributes → Camunda ones, Quartz cron → ISO cycles or standard cron; with the report.
import { parseBpmn } from '../../engine/bpmn-parser';
import { convertServiceTask, removeListeners } from './code-references';
import { type Conversion, type Element, idOf } from './conversion';
import { convertQuartzCron, isQuartzCron } from './quartz-cron.util';
import { convertVendorAttributes, vendorPrefixes } from './vendor-dialect';

export interface ConvertedDiagram {
  /** The converted XML; the original, byte for byte, when nothing needed converting. */
  xml: string;
  conversions: Conversion[];
}

/** Null when the XML cannot be read as BPMN: the deploy check then says why. */
export async function convertDiagram(xml: string): Promise<ConvertedDiagram | null> {
  const parsed = await parseBpmn(xml).catch(() => null);
  const root = parsed?.root as Element | undefined;
  if (!root?.rootElements) return null;
  const prefixes = vendorPrefixes(root);
  const conversions: Conversion[] = [];
  for (const element of elementsOf(root)) {
    convertVendorAttributes(element, prefixes, conversions);
    convertServiceTask(element, conversions);
    removeListeners(element, prefixes, conversions);
    for (const definition of element.eventDefinitions ?? []) convertTimer(element, definition, conversions);
  }
  if (!conversions.length) return { xml, conversions };
  // A document moddle can read but not write back (unusual namespace tricks) is deployed as it is: deploy says why not.
  const written = await root.$model.toXML(root, { format: true }).catch(() => null);
  return written ? { xml: written.xml, conversions } : null;
}

/** Processes and every flow element in them, subprocesses included. */
function elementsOf(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (container: Element) => {
    found.push(container);
    for (const el of container.flowElements ?? []) (el.flowElements ? visit(el) : found.push(el));
  };
  for (const process of (root.rootElements ?? []).filter((e: Element) => e.$type === 'bpmn:Process')) visit(process);
  return found;
}

function convertTimer(event: Element, definition: Element, report: Conversion[]): void {
  const cycle = definition.$type === 'bpmn:TimerEventDefinition' ? definition.timeCycle : undefined;
  const text = String(cycle?.body ?? '').trim();
  if (!cycle || !isQuartzCron(text)) return;
  const result = convertQuartzCron(text);
  const base = { elementId: idOf(event), kind: 'timer' as const, from: text };
  if ('problem' in result) {
    report.push({ ...base, action: 'kept', to: null, note: `Quartz cron not converted: ${result.problem}; write an ISO 8601 cycle (R/PT1H) or a standard cron` });
    return;
  }
  cycle.body = result.to;
  const onStart = event.$type === 'bpmn:StartEvent' && event.$parent?.$type === 'bpmn:Process';
  const note = result.kind === 'iso' ? 'a fixed repetition: an ISO 8601 cycle' : onStart ? 'standard cron (0 = Sunday), evaluated in TIME_ZONE' : 'standard cron runs on timer start events only: deploy refuses it here; use an ISO 8601 cycle';
  report.push({ ...base, action: 'converted', to: result.to, note });
}
