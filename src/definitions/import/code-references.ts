// Code references of Camunda 7 diagrams (Java class, delegate expression, expression, connector, field injection; a
// Camunda 8 zeebe:taskDefinition)
// become external tasks whose topic is named after them, so the integrator's own worker does that work; listeners are
// removed (nothing may run code here) and reported.
import type { Conversion, Element } from './conversion';
import { idOf } from './conversion';

const CODE = ['camunda:class', 'camunda:delegateExpression', 'camunda:expression'] as const;
const TASKS = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/** The topic a code reference becomes: com.acme.ReserveStockDelegate → reserveStock; ${mailer.send(x)} → mailer.send. */
export function topicFor(attribute: string, value: string): string {
  const inner = value.replace(/^\s*[$#]\{\s*|\s*\}\s*$/g, '').replace(/\(.*$/s, '');
  const simple = attribute === 'camunda:class' ? (inner.split('.').pop() ?? inner) : inner;
  const base = attribute === 'camunda:expression' ? simple : simple.replace(/(?<=.)(JavaDelegate|Delegate)$/, '');
  const topic = base.charAt(0).toLowerCase() + base.slice(1);
  return topic.replace(/[^A-Za-z0-9._:-]+/g, '-').slice(0, 100) || 'externalTask';
}

export function convertServiceTask(task: Element, report: Conversion[]): void {
  if (!TASKS.includes(task.$type)) return;
  const id = task.id ?? '';
  const code = CODE.find((name) => task.get(name));
  const connector = extensions(task).find((e) => e.$type === 'camunda:Connector');
  const vendorType = task.get('camunda:type');
  const zeebe = extensions(task).find((e) => e.$type === 'zeebe:taskDefinition' && e.type);
  let from: string | null = null;
  let topic: string | null = null;
  if (code) {
    from = `${code}="${task.get(code)}"`;
    topic = topicFor(code, task.get(code));
    for (const name of CODE) task.set(name, undefined);
  } else if (task.get('camunda:decisionRef')) {
    // A DMN decision is not evaluated here: the worker named after it decides (it may call a DMN engine).
    from = `camunda:decisionRef="${task.get('camunda:decisionRef')}"`;
    topic = topicFor('camunda:expression', task.get('camunda:decisionRef'));
    for (const name of ['camunda:decisionRef', 'camunda:decisionRefBinding', 'camunda:decisionRefVersion', 'camunda:mapDecisionResult']) task.set(name, undefined);
  } else if (connector) {
    from = `camunda:connector ${connector.connectorId ?? ''}`;
    topic = topicFor('camunda:expression', connector.connectorId ?? 'connector');
    removeExtension(task, connector);
  } else if (zeebe && !vendorType) {
    // A Camunda 8 job type is already what a worker subscribes to: the same name becomes the topic.
    from = `zeebe:taskDefinition type="${zeebe.type}"`;
    topic = topicFor('camunda:expression', zeebe.type);
  } else if (vendorType && vendorType !== 'external') {
    // Flowable's built-in task types (mail, http, shell, camel, …) run engine code: a worker does it instead.
    from = `type="${vendorType}"`;
    topic = topicFor('camunda:expression', vendorType);
  }
  if (!topic || !from) return;
  task.set('camunda:type', 'external');
  task.set('camunda:topic', topic);
  report.push({ elementId: id, kind: 'service-task', action: 'converted', from, to: `camunda:type="external" camunda:topic="${topic}"`, note: 'implement it in an external task worker that fetches this topic' });
  const result = task.get('camunda:resultVariable');
  if (result) {
    task.set('camunda:resultVariable', undefined);
    report.push({ elementId: id, kind: 'attribute', action: 'removed', from: `camunda:resultVariable="${result}"`, to: null, note: 'the worker sets variables when it completes the task' });
  }
  convertFields(task, report);
}

/** camunda:field injections become input parameters (the worker reads them); expression fields stay expressions. */
function convertFields(task: Element, report: Conversion[]): void {
  const fields = extensions(task).filter((e) => e.$type === 'camunda:Field');
  if (!fields.length) return;
  let io = extensions(task).find((e) => e.$type === 'camunda:InputOutput');
  if (!io) {
    const created: Element = task.$model.create('camunda:InputOutput', { inputParameters: [] });
    created.$parent = task.extensionElements;
    task.extensionElements.values.push(created);
    io = created;
  }
  const target = io;
  for (const field of fields) {
    const value = field.stringValue ?? field.string?.body ?? field.expression?.body ?? field.expression ?? '';
    const param = task.$model.create('camunda:InputParameter', { name: field.name, value: String(value) });
    param.$parent = target;
    target.inputParameters = [...(target.inputParameters ?? []), param];
    removeExtension(task, field);
    report.push({ elementId: task.id ?? '', kind: 'field', action: 'converted', from: `camunda:field ${field.name}`, to: `camunda:inputParameter ${field.name}` });
  }
}

/** Removes execution and task listeners (Camunda, Flowable, Activiti) from any element and reports each. */
export function removeListeners(element: Element, vendorPrefixes: string[], report: Conversion[]): void {
  for (const ext of extensions(element)) {
    const [prefix, local = ''] = ext.$type.split(':');
    const isListener = /listener$/i.test(local) && (prefix === 'camunda' || vendorPrefixes.includes(prefix));
    if (!isListener) continue;
    const impl = ext.class ?? ext.delegateExpression ?? ext.expression ?? (ext.script ? `script (${ext.script.scriptFormat ?? 'unknown language'})` : '');
    removeExtension(element, ext);
    report.push({ elementId: idOf(element), kind: 'listener', action: 'removed', from: `${local}${ext.event ? ` on ${ext.event}` : ''}: ${impl}`, to: null, note: 'listeners run code and are not supported; model the work as a service task (external task) if it matters' });
  }
}

function extensions(element: Element): Element[] {
  return element.extensionElements?.values ?? [];
}

function removeExtension(element: Element, ext: Element): void {
  element.extensionElements.values = element.extensionElements.values.filter((v: Element) => v !== ext);
  if (!element.extensionElements.values.length) element.extensionElements = undefined;
}
