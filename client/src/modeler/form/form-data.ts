// Reads and writes an element's camunda:formData through the command stack (undo works), from and to form fields.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import type { FormField } from '../../app/types';

type Moddle = any;

export function readFormData(element: Moddle): FormField[] {
  const bo = getBusinessObject(element);
  const formData = (bo.get('extensionElements')?.get('values') ?? []).find((v: Moddle) => is(v, 'camunda:FormData'));
  return (formData?.get('fields') ?? []).map((f: Moddle) => {
    const field: FormField = { id: f.id ?? '', label: f.label ?? f.id ?? '', type: f.type ?? 'string', required: false };
    if (f.defaultValue !== undefined) field.defaultValue = f.defaultValue;
    if (f.type === 'enum') field.options = (f.get('values') ?? []).map((v: Moddle) => ({ id: v.id ?? '', name: v.name ?? v.id ?? '' }));
    for (const p of f.properties?.get('values') ?? []) {
      const key = String(p.id ?? p.name ?? '');
      const label = /^label\.(.+)$/.exec(key);
      const option = /^option\.(.+)\.([a-z]{2}(?:-[A-Za-z]+)?)$/.exec(key);
      if (label) field.labels = { ...field.labels, [label[1]]: String(p.value ?? '') };
      const target = option && field.options?.find((o) => o.id === option[1]);
      if (option && target) target.names = { ...target.names, [option[2]]: String(p.value ?? '') };
    }
    for (const c of f.validation?.get('constraints') ?? []) {
      if (c.name === 'required') field.required = true;
      else if (c.name === 'readonly') field.readonly = true;
      else if (c.name === 'pattern') field.pattern = String(c.config ?? '');
      else if (['min', 'max', 'minlength', 'maxlength'].includes(c.name)) (field as any)[c.name] = Number(c.config);
    }
    return field;
  });
}

function constraintsOf(f: FormField): { name: string; config?: string }[] {
  const list: { name: string; config?: string }[] = [];
  if (f.required) list.push({ name: 'required' });
  if (f.readonly) list.push({ name: 'readonly' });
  for (const k of ['min', 'max', 'minlength', 'maxlength'] as const) if (f[k] !== undefined) list.push({ name: k, config: String(f[k]) });
  if (f.pattern) list.push({ name: 'pattern', config: f.pattern });
  return list;
}

export function writeFormData(modeler: Moddle, element: Moddle, fields: FormField[]): void {
  const bpmnFactory = modeler.get('bpmnFactory');
  const bo = getBusinessObject(element);
  const create = (type: string, attrs: Record<string, unknown>) => bpmnFactory.create(type, attrs);
  const commands: { cmd: string; context: unknown }[] = [];
  const update = (moddleElement: Moddle, properties: Record<string, unknown>) => commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
  let extensionElements = bo.get('extensionElements');
  if (!extensionElements) {
    extensionElements = create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    update(bo, { extensionElements });
  }
  const formData = create('camunda:FormData', {
    fields: fields.map((f) => {
      const constraints = constraintsOf(f).map((c) => create('camunda:Constraint', c));
      const attrs: Record<string, unknown> = { id: f.id, label: f.label, type: f.type };
      if (f.defaultValue !== undefined) attrs.defaultValue = f.defaultValue;
      if (constraints.length) attrs.validation = create('camunda:Validation', { constraints });
      const texts = [
        ...Object.entries(f.labels ?? {}).map(([locale, value]) => ({ id: `label.${locale}`, value })),
        ...(f.options ?? []).flatMap((o) => Object.entries(o.names ?? {}).map(([locale, value]) => ({ id: `option.${o.id}.${locale}`, value }))),
      ];
      if (texts.length) attrs.properties = create('camunda:Properties', { values: texts.map((x) => create('camunda:Property', x)) });
      if (f.type === 'enum') attrs.values = (f.options ?? []).map((o) => create('camunda:Value', { id: o.id, name: o.name }));
      return create('camunda:FormField', attrs);
    }),
  });
  formData.$parent = extensionElements;
  const others = extensionElements.get('values').filter((v: Moddle) => !is(v, 'camunda:FormData'));
  update(extensionElements, { values: fields.length ? [...others, formData] : others });
  modeler.get('commandStack').execute('properties-panel.multi-command-executor', commands);
}
