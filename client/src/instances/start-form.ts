// Reads the start form (camunda:formData on the none start event) out of a definition's BPMN XML.
import type { FormField } from '../app/types';

const CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';
const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

function numberAttr(field: Element, name: string): number | undefined {
  const c = [...field.getElementsByTagNameNS(CAMUNDA, 'constraint')].find((x) => x.getAttribute('name') === name);
  const n = c ? Number(c.getAttribute('config')) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** label.<locale> and option.<id>.<locale> camunda:property entries of a form field (as the server reads them). */
function translationsOf(field: Element): { labels?: Record<string, string>; options: Record<string, Record<string, string>> } {
  const out: { labels?: Record<string, string>; options: Record<string, Record<string, string>> } = { options: {} };
  for (const p of field.getElementsByTagNameNS(CAMUNDA, 'property')) {
    const key = p.getAttribute('id') ?? p.getAttribute('name') ?? '';
    const value = p.getAttribute('value') ?? '';
    const label = /^label\.(.+)$/.exec(key);
    const option = /^option\.(.+)\.([a-z]{2}(?:-[A-Za-z]+)?)$/.exec(key);
    if (label) out.labels = { ...out.labels, [label[1]]: value };
    if (option) out.options[option[1]] = { ...out.options[option[1]], [option[2]]: value };
  }
  return out;
}

export function startFormOf(xml: string): FormField[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const start = [...doc.getElementsByTagNameNS(BPMN, 'startEvent')].find((s) => s.getElementsByTagNameNS(BPMN, 'timerEventDefinition').length === 0 && s.getElementsByTagNameNS(BPMN, 'messageEventDefinition').length === 0);
  if (!start) return [];
  return [...start.getElementsByTagNameNS(CAMUNDA, 'formField')].map((f) => {
    const constraints = [...f.getElementsByTagNameNS(CAMUNDA, 'constraint')].map((c) => c.getAttribute('name'));
    const texts = translationsOf(f);
    const options = [...f.getElementsByTagNameNS(CAMUNDA, 'value')].map((v) => ({ id: v.getAttribute('id') ?? '', name: v.getAttribute('name') ?? v.getAttribute('id') ?? '', names: texts.options[v.getAttribute('id') ?? ''] }));
    return {
      id: f.getAttribute('id') ?? '',
      label: f.getAttribute('label') ?? f.getAttribute('id') ?? '',
      type: (f.getAttribute('type') ?? 'string') as FormField['type'],
      required: constraints.includes('required'),
      options: options.length ? options : undefined,
      defaultValue: f.getAttribute('defaultValue') ?? undefined,
      min: numberAttr(f, 'min'),
      max: numberAttr(f, 'max'),
      minlength: numberAttr(f, 'minlength'),
      maxlength: numberAttr(f, 'maxlength'),
      readonly: constraints.includes('readonly') || undefined,
      labels: texts.labels,
      pattern: [...f.getElementsByTagNameNS(CAMUNDA, 'constraint')].find((c) => c.getAttribute('name') === 'pattern')?.getAttribute('config') ?? undefined,
    };
  });
}

/** Form inputs (all strings) → start variables: empty inputs left out, dates as ISO; the server checks the rest. */
export function variablesOf(fields: FormField[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (values[f.id] ?? '').trim();
    if (raw === '') continue;
    if (f.type === 'date') {
      const time = new Date(raw).getTime();
      out[f.id] = Number.isNaN(time) ? raw : new Date(time).toISOString();
    } else out[f.id] = raw;
  }
  return out;
}
