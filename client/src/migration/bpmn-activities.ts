// The flow nodes of a deployed version (id, element type, name), read from its XML for the hand-mapping selects.
import { api } from '../app/api';

export interface Activity {
  id: string;
  type: string;
  name: string;
}

const NOT_NODES = new Set(['sequenceFlow', 'messageFlow', 'association', 'laneSet', 'lane', 'textAnnotation', 'dataObject', 'dataObjectReference', 'dataStoreReference', 'property', 'ioSpecification']);

/** Every element with an id inside the processes (sub-processes included), except flows and artefacts. */
export function activitiesOf(xml: string): Activity[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const out: Activity[] = [];
  const walk = (parent: Element) => {
    for (const el of Array.from(parent.children)) {
      const id = el.getAttribute('id');
      if (!id || NOT_NODES.has(el.localName) || el.localName.endsWith('EventDefinition')) continue;
      out.push({ id, type: el.localName, name: el.getAttribute('name') ?? '' });
      if (el.localName === 'subProcess' || el.localName === 'transaction') walk(el);
    }
  };
  for (const process of Array.from(doc.getElementsByTagNameNS('*', 'process'))) walk(process);
  return out;
}

export async function loadActivities(key: string, version: number): Promise<Activity[]> {
  return activitiesOf(await api<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, { text: true, query: { version } }));
}
