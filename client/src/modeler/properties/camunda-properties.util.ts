// Reads and writes one camunda:property (name → value) of an element through the command stack, so undo works.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

type Moddle = any;
interface Services {
  bpmnFactory: { create(type: string, attrs?: Record<string, unknown>): Moddle };
  commandStack: { execute(command: string, context: unknown): void };
}

function propertiesOf(bo: Moddle): Moddle | undefined {
  return (bo.get('extensionElements')?.get('values') ?? []).find((v: Moddle) => is(v, 'camunda:Properties'));
}

export function getCamundaProperty(element: Moddle, name: string): string | undefined {
  const property = (propertiesOf(getBusinessObject(element))?.get('values') ?? []).find((p: Moddle) => p.name === name);
  return property ? String(property.value ?? '') : undefined;
}

function create(factory: Services['bpmnFactory'], type: string, attrs: Record<string, unknown>, parent: Moddle): Moddle {
  const created = factory.create(type, attrs);
  created.$parent = parent;
  return created;
}

/** Sets (or with `value` undefined removes) the property; empty camunda:properties are dropped again. */
export function setCamundaProperty(element: Moddle, name: string, value: string | undefined, { bpmnFactory, commandStack }: Services): void {
  const bo = getBusinessObject(element);
  const commands: { cmd: string; context: unknown }[] = [];
  const update = (moddleElement: Moddle, properties: Record<string, unknown>) => commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
  let extensionElements = bo.get('extensionElements');
  if (!extensionElements) {
    if (value === undefined) return;
    extensionElements = create(bpmnFactory, 'bpmn:ExtensionElements', { values: [] }, bo);
    update(bo, { extensionElements });
  }
  let properties = propertiesOf(bo);
  if (!properties) {
    if (value === undefined) return;
    properties = create(bpmnFactory, 'camunda:Properties', { values: [] }, extensionElements);
    update(extensionElements, { values: [...extensionElements.get('values'), properties] });
  }
  const existing = properties.get('values').find((p: Moddle) => p.name === name);
  if (value !== undefined && existing) update(existing, { value });
  else if (value !== undefined) update(properties, { values: [...properties.get('values'), create(bpmnFactory, 'camunda:Property', { name, value }, properties)] });
  else if (existing) {
    const rest = properties.get('values').filter((p: Moddle) => p !== existing);
    if (rest.length) update(properties, { values: rest });
    else update(extensionElements, { values: extensionElements.get('values').filter((v: Moddle) => v !== properties) });
  }
  if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
}
