// Handler entry of service and send tasks: one of the handlers the server registers (camunda:type="external" + topic).
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, isAny } from 'bpmn-js/lib/util/ModelUtil';

type Element = any;

export function HandlerProps({ element }: { element: Element }) {
  if (!isAny(element, ['bpmn:ServiceTask', 'bpmn:SendTask'])) return [];
  return [{ id: 'serviceFlowHandler', element, component: Handler, isEdited: isSelectEntryEdited }];
}

function Handler({ element, id }: { element: Element; id: string }) {
  const translate = useService('translate');
  const modeling = useService('modeling');
  const { handlers } = useService('config.serviceFlow') as { handlers: { name: string; description?: string }[] };
  const bo = getBusinessObject(element);
  const topic = (): string => (bo.get('camunda:type') === 'external' ? (bo.get('camunda:topic') ?? '') : '');
  const getOptions = () => {
    const options = [{ value: '', label: translate('<none>') }, ...handlers.map((h) => ({ value: h.name, label: h.description ? `${h.name} — ${h.description}` : h.name }))];
    const current = topic();
    // Any other topic waits as an external task for an integrator's worker.
    if (current && !handlers.some((h) => h.name === current)) options.push({ value: current, label: `${current} (${translate('external task')})` });
    return options;
  };
  const setValue = (value: string) => {
    // A handler replaces any Java/expression implementation: diagrams may only name registered handlers.
    modeling.updateProperties(element, {
      'camunda:type': value ? 'external' : undefined,
      'camunda:topic': value || undefined,
      'camunda:class': undefined,
      'camunda:expression': undefined,
      'camunda:delegateExpression': undefined,
      'camunda:resultVariable': undefined,
    });
  };
  return SelectEntry({ element, id, label: translate('Handler'), getValue: topic, setValue, getOptions, tooltip: translate('The server-side handler that runs this task.') });
}
