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

/** The prefixes the document binds to a Flowable/Activiti namespace (usually "flowable" or "activiti"). */
export function vendorPrefixes(root: Element): string[] {
  return Object.entries(root.$attrs ?? {})
    .filter(([name, uri]) => name.startsWith('xmlns:') && VENDOR_NAMESPACES.includes(uri))
    .map(([name]) => name.slice('xmlns:'.length));
}

export function convertVendorAttributes(element: Element, prefixes: string[], report: Conversion[]): void {
  const attrs = element.$attrs ?? {};
  for (const name of Object.keys(attrs)) {
    const [prefix, local] = name.split(':');
    const target = prefixes.includes(prefix) ? SAME_MEANING[local] : undefined;
    if (!target || local === undefined) continue;
    const value = attrs[name];
    delete attrs[name];
    element.set(target, target === 'camunda:asyncBefore' || target === 'camunda:exclusive' ? value === 'true' : value);
    // Code references are reported once, by code-references, with what they became.
    if (!['class', 'delegateExpression', 'expression', 'resultVariable', 'type', 'topic'].includes(local)) {
      report.push({ elementId: element.id ?? '', kind: 'attribute', action: 'converted', from: `${name}="${value}"`, to: `${target}="${value}"` });
    }
  }
}
