// SLA entries: the policy a start event (whole instance) or user task starts a clock with, and slaPause / slaStop.
import { CheckboxEntry, isCheckboxEntryEdited, isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, isAny } from 'bpmn-js/lib/util/ModelUtil';
import { getCamundaProperty, setCamundaProperty } from '../camunda-properties.util';

type Element = any;

export function SlaProps({ element }: { element: Element }) {
  const entries = [];
  if (isAny(element, ['bpmn:StartEvent', 'bpmn:UserTask'])) entries.push({ id: 'serviceFlowSlaPolicy', element, component: SlaPolicy, isEdited: isSelectEntryEdited });
  if (isAny(element, ['bpmn:Activity', 'bpmn:IntermediateCatchEvent', 'bpmn:ReceiveTask'])) {
    entries.push({ id: 'serviceFlowSlaPause', element, component: SlaPause, isEdited: isCheckboxEntryEdited });
  }
  if (isAny(element, ['bpmn:Activity', 'bpmn:IntermediateCatchEvent', 'bpmn:EndEvent']) && !is(element, 'bpmn:SubProcess')) {
    entries.push({ id: 'serviceFlowSlaStop', element, component: SlaStop, isEdited: isCheckboxEntryEdited });
  }
  return entries;
}

function useWriter(element: Element) {
  const bpmnFactory = useService('bpmnFactory');
  const commandStack = useService('commandStack');
  return (name: string, value: string | undefined) => setCamundaProperty(element, name, value, { bpmnFactory, commandStack });
}

function SlaPolicy({ element, id }: { element: Element; id: string }) {
  const translate = useService('translate');
  const { policies } = useService('config.serviceFlow') as { policies: { id: string; name: string }[] };
  const write = useWriter(element);
  const getOptions = () => {
    const current = getCamundaProperty(element, 'sla');
    const options = [{ value: '', label: translate('<none>') }, ...policies.map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }))];
    // An unknown policy stays visible (lint explains it) instead of silently showing "none".
    if (current && !policies.some((p) => p.id === current)) options.push({ value: current, label: `${current} (${translate('unknown')})` });
    return options;
  };
  return SelectEntry({
    element,
    id,
    label: translate('SLA policy'),
    getValue: () => getCamundaProperty(element, 'sla') ?? '',
    setValue: (value: string) => write('sla', value || undefined),
    getOptions,
    tooltip: translate('Start event: a clock for the whole instance. User task: a clock for that task.'),
  });
}

function flagEntry(name: 'slaPause' | 'slaStop', label: string) {
  return function SlaFlag({ element, id }: { element: Element; id: string }) {
    const translate = useService('translate');
    const write = useWriter(element);
    return CheckboxEntry({
      element,
      id,
      label: translate(label),
      getValue: () => getCamundaProperty(element, name) === 'true',
      setValue: (checked: boolean) => write(name, checked ? 'true' : undefined),
    });
  };
}

const SlaPause = flagEntry('slaPause', 'Pause SLA clocks while waiting here');
const SlaStop = flagEntry('slaStop', 'Stop the process SLA clock here (resolved)');
