// Timer entries of our dialect: the business calendar a timer counts working time on, and the SLA policy whose pauses stop it.
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getCamundaProperty, setCamundaProperty } from '../camunda-properties.util';

type Element = any;
type Known = { calendars?: { id: string; name: string }[]; policies: { id: string; name: string }[] };

/** The calendar and pauseWith entries of a timer event (boundary, intermediate catch, start): appended to its timer group. */
export function TimerCalendarProps({ element }: { element: Element }) {
  const isTimer = (element.businessObject?.eventDefinitions ?? []).some((d: any) => d.$type === 'bpmn:TimerEventDefinition');
  if (!isTimer) return [];
  return [
    { id: 'serviceFlowTimerCalendar', element, component: TimerCalendar, isEdited: isSelectEntryEdited },
    { id: 'serviceFlowTimerPauseWith', element, component: TimerPauseWith, isEdited: isSelectEntryEdited },
  ];
}

function propertySelect(name: 'calendar' | 'pauseWith', label: string, tooltip: string, list: (known: Known) => { id: string; name: string }[]) {
  return function PropertySelect({ element, id }: { element: Element; id: string }) {
    const translate = useService('translate');
    const known = useService('config.serviceFlow') as Known;
    const bpmnFactory = useService('bpmnFactory');
    const commandStack = useService('commandStack');
    const getOptions = () => {
      const items = list(known);
      const current = getCamundaProperty(element, name);
      const options = [{ value: '', label: translate(name === 'calendar' ? 'Wall clock (no calendar)' : '<none>') }, ...items.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))];
      // An unknown value stays visible (the lint explains it) instead of silently showing "none".
      if (current && !items.some((c) => c.id === current)) options.push({ value: current, label: `${current} (${translate('unknown')})` });
      return options;
    };
    return SelectEntry({
      element,
      id,
      label: translate(label),
      getValue: () => getCamundaProperty(element, name) ?? '',
      setValue: (value: string) => setCamundaProperty(element, name, value || undefined, { bpmnFactory, commandStack }),
      getOptions,
      tooltip: translate(tooltip),
    });
  };
}

const TimerCalendar = propertySelect('calendar', 'Business calendar', 'Durations count working time on this calendar; dates move to its next working moment.', (k) => k.calendars ?? []);
const TimerPauseWith = propertySelect('pauseWith', 'Pause with SLA policy', "The timer stops while this policy's clocks pause (waiting on the customer or parts) and uses its calendar.", (k) => k.policies);
