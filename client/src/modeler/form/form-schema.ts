// Converts between camunda:formData fields (what the diagram stores and the server validates) and a form-js schema
// (what the bpmn.io form editor edits): one definition, two views of it.

/** The form field of our dialect (src/engine/definition-model.ts), restated so this file imports nothing (the server's
 * type check compiles it for its unit test). */
export interface FormField {
  id: string;
  label: string;
  type: 'string' | 'long' | 'decimal' | 'boolean' | 'date' | 'duration' | 'enum';
  required: boolean;
  options?: { id: string; name: string; names?: Record<string, string> }[];
  labels?: Record<string, string>;
  defaultValue?: string;
  min?: number;
  max?: number;
  minlength?: number;
  maxlength?: number;
  readonly?: boolean;
  pattern?: string;
}

export interface FormJsComponent {
  type: string;
  id?: string;
  key?: string;
  label?: string;
  readonly?: boolean;
  defaultValue?: unknown;
  decimalDigits?: number;
  subtype?: string;
  values?: { label: string; value: string }[];
  validate?: { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string };
  properties?: Record<string, string>;
}

export interface FormJsSchema {
  type: 'default';
  id: string;
  schemaVersion: number;
  components: FormJsComponent[];
}

/** A form-js custom property marks what form-js has no component for (durations are ISO 8601 text in Camunda 7). */
export const FIELD_TYPE_PROPERTY = 'fieldType';

function validateOf(f: FormField): FormJsComponent['validate'] {
  const v: NonNullable<FormJsComponent['validate']> = {};
  if (f.required) v.required = true;
  if (f.min !== undefined) v.min = f.min;
  if (f.max !== undefined) v.max = f.max;
  if (f.minlength !== undefined) v.minLength = f.minlength;
  if (f.maxlength !== undefined) v.maxLength = f.maxlength;
  if (f.pattern) v.pattern = f.pattern;
  return Object.keys(v).length ? v : undefined;
}

/** Translations travel as form-js custom properties (label.zh-CN, option.<id>.zh-CN), as in camunda:properties. */
function translationsOf(f: FormField): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [locale, text] of Object.entries(f.labels ?? {})) out[`label.${locale}`] = text;
  for (const o of f.options ?? []) for (const [locale, text] of Object.entries(o.names ?? {})) out[`option.${o.id}.${locale}`] = text;
  return out;
}

function componentOf(f: FormField): FormJsComponent {
  const base: FormJsComponent = { type: 'textfield', id: `Field_${f.id}`, key: f.id, label: f.label, validate: validateOf(f) };
  const texts = translationsOf(f);
  if (Object.keys(texts).length) base.properties = texts;
  if (f.readonly) base.readonly = true;
  if (f.defaultValue !== undefined) base.defaultValue = f.defaultValue;
  switch (f.type) {
    case 'long':
    case 'decimal':
      return { ...base, type: 'number', decimalDigits: f.type === 'long' ? 0 : 2 };
    case 'boolean':
      return { ...base, type: 'checkbox' };
    case 'date':
      return { ...base, type: 'datetime', subtype: 'datetime' };
    case 'enum':
      return { ...base, type: 'select', values: (f.options ?? []).map((o) => ({ label: o.name, value: o.id })) };
    case 'duration':
      return { ...base, properties: { ...base.properties, [FIELD_TYPE_PROPERTY]: 'duration' } };
    default:
      return base;
  }
}

export function toFormJs(fields: FormField[], id: string): FormJsSchema {
  return { type: 'default', id: `Form_${id}`, schemaVersion: 16, components: fields.map(componentOf) };
}

function typeOf(c: FormJsComponent): FormField['type'] | null {
  switch (c.type) {
    case 'number':
      return (c.decimalDigits ?? 2) === 0 ? 'long' : 'decimal';
    case 'checkbox':
      return 'boolean';
    case 'datetime':
      return 'date';
    case 'select':
    case 'radio':
      return 'enum';
    case 'textfield':
    case 'textarea':
      return c.properties?.[FIELD_TYPE_PROPERTY] === 'duration' ? 'duration' : 'string';
    default:
      return null; // text, images, spacers: layout only, nothing to store or validate
  }
}

/** Keys of components that would hold a value but have no camunda:formData type (e.g. a tag list): not storable. */
export function unsupportedKeys(schema: FormJsSchema): string[] {
  return (schema.components ?? []).filter((c) => c.key && !typeOf(c)).map((c) => c.key!);
}

/** The form-js schema as camunda:formData fields; components without a key (layout) are left out. */
export function fromFormJs(schema: FormJsSchema): FormField[] {
  const fields: FormField[] = [];
  for (const c of schema.components ?? []) {
    const type = typeOf(c);
    if (!type || !c.key) continue;
    const v = c.validate ?? {};
    const field: FormField = { id: c.key, label: c.label || c.key, type, required: !!v.required };
    if (type === 'enum') field.options = (c.values ?? []).map((o) => ({ id: String(o.value), name: o.label || String(o.value) }));
    if (c.readonly) field.readonly = true;
    if (c.defaultValue !== undefined && c.defaultValue !== '') field.defaultValue = String(c.defaultValue);
    if (v.min !== undefined) field.min = Number(v.min);
    if (v.max !== undefined) field.max = Number(v.max);
    if (v.minLength !== undefined) field.minlength = Number(v.minLength);
    if (v.maxLength !== undefined) field.maxlength = Number(v.maxLength);
    if (v.pattern) field.pattern = v.pattern;
    readTranslations(c.properties ?? {}, field);
    fields.push(field);
  }
  return fields;
}

function readTranslations(properties: Record<string, string>, field: FormField): void {
  for (const [key, value] of Object.entries(properties)) {
    const label = /^label\.(.+)$/.exec(key);
    const option = /^option\.(.+)\.([a-z]{2}(?:-[A-Za-z]+)?)$/.exec(key);
    if (label) field.labels = { ...field.labels, [label[1]]: value };
    const target = option && field.options?.find((o) => o.id === option[1]);
    if (option && target) target.names = { ...target.names, [option[2]]: value };
  }
}
