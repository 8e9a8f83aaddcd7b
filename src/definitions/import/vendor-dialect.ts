// Flowable and Activiti attributes that mean the same as a Camunda 7 one (candidateGroups, assignee, formKey, …) are
// rewritten to the camunda: attribute, so a Flowable diagram's assignments are honoured; code attributes are left to
// code-references. Other vendor attributes stay as they are: deploy keeps and ignores them.
import type { Conversion, Element } from './conversion';

export const VENDOR_NAMESPACES = ['http://flowable.org/bpmn', 'http://activiti.org/bpmn'];

// vendor local name → camunda attribute
const SAME_MEANING: Record<string, string> = {
  candidateGroups: 'camunda:candidateGroups',
  candidateUsers: 'camunda:candidateUsers',
  assignee: 'camunda:assignee',
  formKey: 'camunda:formKey',
  dueDate: 'camunda:dueDate',
  priority: 'camunda:priority',
  initiator: 'camunda:initiator',
  async: 'camunda:asyncBefore',
  exclusive: 'camunda:exclusive',
  class: 'camunda:class',
  delegateExpression: 'camunda:delegateExpression',
  expression: 'camunda:expression',
  resultVariable: 'camunda:resultVariable',
  type: 'camunda:type',
  topic: 'camunda:topic',
};

/**
 * The prefixes the document binds to a Flowable/Activiti namespace (usually "flowable" or "activiti"). Some tools bind
 * the prefix "camunda" to the Activiti namespace; moddle then renames those attributes to ns0:, ns1:, … and the
 * declaration moves to "activiti", so that the converted file can use the real camunda namespace.
 */
export function vendorPrefixes(root: Element): string[] {
  const attrs = root.$attrs ?? {};
  const prefixes = Object.entries(attrs)
    .filter(([name, uri]) => name.startsWith('xmlns:') && VENDOR_NAMESPACES.includes(uri))
    .map(([name]) => name.slice('xmlns:'.length));
  if (!prefixes.includes('camunda')) return prefixes;
  attrs['xmlns:activiti'] = attrs['xmlns:camunda'];
  attrs['xmlns:ns0'] = attrs['xmlns:camunda']; // moddle's name for the first renamed prefix, still used by vendor elements
  delete attrs['xmlns:camunda'];
  return [...prefixes.filter((p) => p !== 'camunda'), 'activiti', RENAMED];
}

const RENAMED = 'ns*';
const matches = (prefixes: string[], prefix: string) => prefixes.includes(prefix) || (prefixes.includes(RENAMED) && /^ns\d+$/.test(prefix));

export function convertVendorAttributes(element: Element, prefixes: string[], report: Conversion[]): void {
  const attrs = element.$attrs ?? {};
  for (const name of Object.keys(attrs)) {
    const [prefix, local] = name.split(':');
    if (local === undefined || !matches(prefixes, prefix)) continue;
    const target = SAME_MEANING[local];
    const value = attrs[name];
    if (!target) continue; // kept and ignored
    delete attrs[name];
    element.set(target, target === 'camunda:asyncBefore' || target === 'camunda:exclusive' ? value === 'true' : value);
    // Code references are reported once, by code-references, with what they became.
    if (!['class', 'delegateExpression', 'expression', 'resultVariable', 'type', 'topic'].includes(local)) {
      const shown = /^ns\d+$/.test(prefix) ? `activiti:${local}` : name; // moddle's renamed prefix is not what the file says
      report.push({ elementId: element.id ?? '', kind: 'attribute', action: 'converted', from: `${shown}="${value}"`, to: `${target}="${value}"` });
    }
  }
}
