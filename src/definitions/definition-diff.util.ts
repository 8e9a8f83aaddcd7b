// What changed between two versions of a diagram, element by element (added, removed, changed fields), from their moddle trees.
import { readElement, readInputs, readProperties, type ModdleElement } from '../engine/moddle-reader';

export interface ElementRef {
  id: string;
  type: string;
  name: string;
}

export interface ChangedElement extends ElementRef {
  fields: string[];
}

export interface DefinitionChanges {
  added: ElementRef[];
  removed: ElementRef[];
  changed: ChangedElement[];
}

type Signature = Record<string, string>;

/** Element-level diff of the first executable process (flow nodes, boundary events, sequence flows, nested ones too). */
export function diffDefinitions({ before, after }: { before: ModdleElement | null; after: ModdleElement }): DefinitionChanges {
  const old = before ? elementsOf(before) : new Map<string, ModdleElement>();
  const now = elementsOf(after);
  const changes: DefinitionChanges = { added: [], removed: [], changed: [] };
  for (const [id, element] of now) {
    const previous = old.get(id);
    if (!previous) {
      changes.added.push(refOf(element));
      continue;
    }
    const a = signatureOf(previous);
    const b = signatureOf(element);
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => a[f] !== b[f]);
    if (fields.length) changes.changed.push({ ...refOf(element), fields });
  }
  for (const [id, element] of old) if (!now.has(id)) changes.removed.push(refOf(element));
  return changes;
}

function processOf(root: ModdleElement): ModdleElement | undefined {
  const processes = (root.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
  return processes.find((p: ModdleElement) => p.isExecutable) ?? processes[0];
}

function elementsOf(root: ModdleElement): Map<string, ModdleElement> {
  const found = new Map<string, ModdleElement>();
  const visit = (container: ModdleElement) => {
    for (const el of container.flowElements ?? []) {
      if (el.id) found.set(el.id, el);
      if (el.flowElements) visit(el);
    }
  };
  const process = processOf(root);
  if (process) visit(process);
  return found;
}

function refOf(element: ModdleElement): ElementRef {
  return { id: element.id ?? '', type: element.$type, name: element.name ?? '' };
}

const ids = (list: ModdleElement[] | undefined) => (list ?? []).map((e) => e.id).sort().join(',');
const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** The comparable facets of one element, each as a string; a field absent on both sides never differs. */
function signatureOf(element: ModdleElement): Signature {
  const info = readElement(element);
  const sig: Signature = {
    type: element.$type,
    name: element.name ?? '',
    incoming: ids(element.incoming),
    outgoing: ids(element.outgoing),
    eventDefinitions: (element.eventDefinitions ?? []).map((d: ModdleElement) => d.$type).join(','),
    timer: json(info.timer),
    message: info.messageName ?? '',
    candidateRoles: (info.candidateRoles ?? []).join(','),
    assignee: info.assignee ?? '',
    form: json(info.form),
    topic: info.topic ?? '',
    inputs: json(readInputs(element)),
    properties: json(readProperties(element)),
    condition: String(element.conditionExpression?.body ?? '').trim(),
    source: element.sourceRef?.id ?? '',
    target: element.targetRef?.id ?? '',
    default: element.default?.id ?? '',
    attachedTo: element.attachedToRef?.id ?? '',
    cancelActivity: element.$type === 'bpmn:BoundaryEvent' ? String(element.cancelActivity !== false) : '',
  };
  return sig;
}
