// Process content in the user's language: label.<locale> / option.<id>.<locale> of form fields, name.<locale> of
// elements (task names, diagram labels) and names maps from the server; else the diagram's default (English) text.
import type { FormField } from '../app/types';

const CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';

export function fieldLabel(field: FormField, locale: string): string {
  return field.labels?.[locale] || field.label;
}

export function optionName(option: NonNullable<FormField['options']>[number], locale: string): string {
  return option.names?.[locale] || option.name;
}

/** A name with its translations (a task's `names`, an SLA policy's `policyNames`) in `locale`. */
export function localName(name: string | null | undefined, names: unknown, locale: string): string {
  const local = names && typeof names === 'object' ? (names as Record<string, unknown>)[locale] : undefined;
  return typeof local === 'string' && local ? local : (name ?? '');
}

/** Each element's name.<locale> in the diagram, by element id (for history lines that carry the English name). */
export function diagramNames(xml: string, locale: string): Record<string, string> {
  const names: Record<string, string> = {};
  if (locale === 'en' || !xml.includes(`name.${locale}`)) return names;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const property of Array.from(doc.getElementsByTagNameNS(CAMUNDA, 'property'))) {
    const owner = property.parentElement?.parentElement?.parentElement;
    const id = owner?.getAttribute('id');
    if (property.getAttribute('name') === `name.${locale}` && id && owner?.localName !== 'formField') names[id] = property.getAttribute('value') ?? '';
  }
  return names;
}

/** The diagram with each element's name replaced by its camunda:property name.<locale>, for a viewer in that language. */
export function localizedDiagram(xml: string, locale: string): string {
  if (locale === 'en' || !xml.includes(`name.${locale}`)) return xml;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return xml;
  for (const property of Array.from(doc.getElementsByTagNameNS(CAMUNDA, 'property'))) {
    if (property.getAttribute('name') !== `name.${locale}`) continue;
    const owner = property.parentElement?.parentElement?.parentElement; // property → properties → extensionElements → element
    const value = property.getAttribute('value');
    if (owner && value && owner.localName !== 'formField') owner.setAttribute('name', value);
  }
  return new XMLSerializer().serializeToString(doc);
}

/** Each form field's option texts in `locale` (option.<id>.<locale> in the diagram), by field id then option id. */
export function diagramOptionNames(xml: string, locale: string): Record<string, Record<string, string>> {
  const names: Record<string, Record<string, string>> = {};
  if (locale === 'en' || !xml.includes(`.${locale}`)) return names;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const field of Array.from(doc.getElementsByTagNameNS(CAMUNDA, 'formField'))) {
    const fieldId = field.getAttribute('id');
    for (const property of Array.from(field.getElementsByTagNameNS(CAMUNDA, 'property'))) {
      const id = property.getAttribute('id') ?? '';
      if (!fieldId || !id.startsWith('option.') || !id.endsWith(`.${locale}`)) continue;
      (names[fieldId] ??= {})[id.slice('option.'.length, -locale.length - 1)] = property.getAttribute('value') ?? '';
    }
  }
  return names;
}
