// Reads our dialect (Camunda 7 extension attributes and elements) off bpmn-moddle elements into a DefinitionModel.
import { readCall } from './call-activity-reader';
import type { DefinitionModel, ElementInfo, FormField, FormFieldType } from './definition-model';
import { readEventCode } from './event-codes';

// bpmn-moddle elements are loosely typed; this is the shape we read.
export type ModdleElement = { $type: string; id?: string; name?: string; get(name: string): any; [key: string]: any };

export function extensionValues(element: ModdleElement, type: string): ModdleElement[] {
  const values: ModdleElement[] = element.extensionElements?.values ?? [];
  return values.filter((v) => v.$type === type);
}

export function readForm(element: ModdleElement): FormField[] {
  const formData = extensionValues(element, 'camunda:FormData')[0];
  return (formData?.fields ?? []).map(readFormField);
}

function readFormField(field: ModdleElement): FormField {
  const result: FormField = { id: field.id ?? '', label: field.label ?? field.id ?? '', type: field.type as FormFieldType, required: false };
  if (field.defaultValue !== undefined) result.defaultValue = field.defaultValue;
  const person = (field.properties?.values ?? []).find((p: ModdleElement) => p.id === 'person')?.value;
  if (typeof person === 'string' && person) result.person = person;
  if (field.type === 'enum') result.options = (field.values ?? []).map((v: ModdleElement) => ({ id: v.id ?? '', name: v.name ?? v.id ?? '' }));
  readTranslations(field, result);
  for (const constraint of field.validation?.constraints ?? []) {
    const name = constraint.name as string;
    if (name === 'required') result.required = true;
    else if (name === 'readonly') result.readonly = true;
    else if (name === 'pattern') result.pattern = String(constraint.config ?? '');
    else if (['min', 'max', 'minlength', 'maxlength'].includes(name)) (result as any)[name] = Number(constraint.config);
  }
  return result;
}

/** camunda:properties of a form field: label.<locale> and option.<id>.<locale> (Camunda 7 keys them by id). */
function readTranslations(field: ModdleElement, result: FormField): void {
  for (const p of field.properties?.values ?? []) {
    const key = String(p.id ?? p.name ?? '');
    const value = String(p.value ?? '');
    const label = /^label\.(.+)$/.exec(key);
    const option = /^option\.(.+)\.([a-z]{2}(?:-[A-Za-z]+)?)$/.exec(key);
    if (label) result.labels = { ...result.labels, [label[1]]: value };
    const target = option && result.options?.find((o) => o.id === option[1]);
    if (option && target) target.names = { ...target.names, [option[2]]: value };
  }
}

export function readInputs(element: ModdleElement): Record<string, string> {
  const io = extensionValues(element, 'camunda:InputOutput')[0];
  const inputs: Record<string, string> = {};
  for (const p of io?.inputParameters ?? []) inputs[p.name] = typeof p.value === 'string' ? p.value : (p.definition?.value ?? '');
  return inputs;
}

export function readTimer(definition: ModdleElement): ElementInfo['timer'] | undefined {
  for (const type of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const expr = definition[type];
    if (expr) return { type, expression: String(expr.body ?? '').trim() };
  }
  return undefined;
}

export function readElement(element: ModdleElement): ElementInfo {
  const info: ElementInfo = { id: element.id ?? '', type: element.$type, name: element.name ?? element.id ?? '' };
  if (element.$type === 'bpmn:UserTask') {
    info.candidateRoles = splitList(element.get('camunda:candidateGroups'));
    const candidateUsers = splitList(element.get('camunda:candidateUsers'));
    if (candidateUsers.length) info.candidateUsers = candidateUsers;
    const assignee = element.get('camunda:assignee');
    if (assignee) info.assignee = assignee;
    info.form = readForm(element);
  }
  if (element.$type === 'bpmn:ServiceTask' || element.$type === 'bpmn:SendTask' || element.$type === 'bpmn:BusinessRuleTask') {
    info.topic = element.get('camunda:topic') ?? undefined;
    const priority = Number(element.get('camunda:taskPriority'));
    if (Number.isSafeInteger(priority) && priority !== 0) info.taskPriority = priority;
    info.inputs = readInputs(element);
  }
  const messageRef = element.messageRef ?? element.eventDefinitions?.find((d: ModdleElement) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef;
  if (messageRef) {
    info.messageName = messageRef.name ?? messageRef.id;
    info.messageId = messageRef.id;
    const visibility = readProperties(messageRef).public;
    if (visibility !== undefined) info.messagePublic = visibility === 'true';
  }
  const signalRef = element.eventDefinitions?.find((d: ModdleElement) => d.$type === 'bpmn:SignalEventDefinition')?.signalRef;
  if (signalRef) {
    info.signalName = signalRef.name ?? signalRef.id;
    info.signalId = signalRef.id;
  }
  const properties = readProperties(element);
  if (properties.sla) info.slaPolicy = properties.sla;
  if (properties.slaPause === 'true') info.slaPause = true;
  if (properties.slaStop === 'true') info.slaStop = true;
  const names = localNames(properties);
  if (names) info.names = names;
  if (element.$type === 'bpmn:CallActivity') info.call = readCall(element);
  if (element.attachedToRef?.id) info.attachedTo = element.attachedToRef.id;
  const event = readEventCode(element);
  if (event) info.event = event;
  if (element.$type === 'bpmn:BoundaryEvent' && element.cancelActivity === false) info.nonInterrupting = true;
  if (element.triggeredByEvent) info.triggeredByEvent = true;
  if (element.$type === 'bpmn:StartEvent' && element.get('camunda:initiator')) info.initiator = element.get('camunda:initiator');
  const loop = element.loopCharacteristics;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') info.multiInstance = { sequential: !!loop.isSequential, elementVariable: loop.elementVariable ?? (loop.collection ? 'item' : undefined) };
  const timerDef = element.eventDefinitions?.find((d: ModdleElement) => d.$type === 'bpmn:TimerEventDefinition');
  if (timerDef) info.timer = readTimer(timerDef);
  if (timerDef && properties.calendar) info.timerCalendar = properties.calendar;
  if (timerDef && properties.pauseWith) info.timerPauseWith = properties.pauseWith;
  const conditional = element.eventDefinitions?.find((d: ModdleElement) => d.$type === 'bpmn:ConditionalEventDefinition');
  if (conditional) info.condition = String(conditional.condition?.body ?? '').trim();
  return info;
}

/** name.<locale> properties (Camunda 7 extension properties): the element's name in other languages. */
export function localNames(properties: Record<string, string>): Record<string, string> | undefined {
  const found = Object.entries(properties).flatMap(([key, value]) => {
    const locale = /^name\.(.+)$/.exec(key)?.[1];
    return locale && value ? [[locale, value] as const] : [];
  });
  return found.length ? Object.fromEntries(found) : undefined;
}

/** camunda:properties as a name → value map. */
export function readProperties(element: ModdleElement): Record<string, string> {
  const props = extensionValues(element, 'camunda:Properties')[0];
  return Object.fromEntries((props?.values ?? []).map((p: ModdleElement) => [p.name, String(p.value ?? '')]));
}

/** A comma-separated list; a FEEL expression ('=…', translated from ${…}) stays whole and is evaluated at task creation. */
export function splitList(value: unknown): string[] {
  if (typeof value === 'string' && value.trimStart().startsWith('=')) return [value.trim()];
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

const HOST_ARMED_STARTS = new Set(['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:ConditionalEventDefinition']);

/** A start event of an event subprocess that bpmn-engine never arms itself (see event-starts.ts). */
export function isHostArmedEventStart(el: ModdleElement): boolean {
  return el.$type === 'bpmn:StartEvent' && !!el.$parent?.triggeredByEvent && (el.eventDefinitions ?? []).some((d: ModdleElement) => HOST_ARMED_STARTS.has(d.$type));
}

/** Builds the model of the first executable process of a definitions root. */
export function readDefinitionModel(root: ModdleElement): DefinitionModel | null {
  const process = (root.rootElements ?? []).find((e: ModdleElement) => e.$type === 'bpmn:Process' && e.isExecutable);
  if (!process) return null;
  const elements: Record<string, ElementInfo> = {};
  let startForm: FormField[] = [];
  const startTimers: DefinitionModel['startTimers'] = [];
  const visit = (container: ModdleElement) => {
    for (const el of container.flowElements ?? []) {
      if (!el.id) continue;
      elements[el.id] = readElement(el);
      if (container !== process) elements[el.id].parentId = container.id;
      if (el.$type === 'bpmn:StartEvent' && container === process && !el.eventDefinitions?.length) startForm = readForm(el);
      if (el.$type === 'bpmn:StartEvent' && container === process && elements[el.id].timer) startTimers.push({ activityId: el.id, timer: elements[el.id].timer! });
      if (isHostArmedEventStart(el)) elements[el.id].eventStart = { subprocessId: container.id ?? '', interrupting: el.isInterrupting !== false };
      if (el.flowElements) visit(el);
    }
  };
  visit(process);
  const processNames = localNames(readProperties(process));
  return { processId: process.id, processName: process.name ?? process.id, ...(processNames && { processNames }), startForm, startTimers, elements };
}
