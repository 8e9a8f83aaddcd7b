// The element's Chinese name beside its English one: camunda:property name.zh-CN (shown to users whose language is zh-CN).
import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { isAny } from 'bpmn-js/lib/util/ModelUtil';
import { getCamundaProperty, setCamundaProperty } from '../camunda-properties.util';

type Element = any;

export const LOCAL_NAME_PROPERTY = 'name.zh-CN';

/** Flow nodes and flows (the texts the diagram, tasklist and board show); not the process or data objects. */
export function LocalNameProps({ element }: { element: Element }) {
  if (!isAny(element, ['bpmn:FlowNode', 'bpmn:SequenceFlow']) || element.type === 'label') return [];
  return [{ id: 'serviceFlowNameZh', element, component: LocalName, isEdited: isTextFieldEntryEdited }];
}

function LocalName({ element, id }: { element: Element; id: string }) {
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  return TextFieldEntry({
    element,
    id,
    label: translate('Name (中文)'),
    debounce,
    getValue: () => getCamundaProperty(element, LOCAL_NAME_PROPERTY) ?? '',
    setValue: (value: string) => setCamundaProperty(element, LOCAL_NAME_PROPERTY, value?.trim() || undefined, { bpmnFactory, commandStack }),
    tooltip: translate('Shown instead of the name to users whose language is Chinese (camunda:property name.zh-CN).'),
  });
}
