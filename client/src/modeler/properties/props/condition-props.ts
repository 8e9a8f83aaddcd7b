// Condition entry of sequence flows: FEEL with a leading "=", checked as you type by the server's own FEEL check.
import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { checkFeel, checkLiteral, isFeel } from '../../../../../src/engine/feel';

type Element = any;

/** The message the deploy check would give for this condition text, or null (empty means "no condition"). */
export function conditionProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!isFeel(trimmed)) return checkLiteral(trimmed) ?? 'condition must be a FEEL expression with a leading "=", e.g. =approved = true';
  return checkFeel(trimmed);
}

export function ConditionProps({ element }: { element: Element }) {
  if (!is(element, 'bpmn:SequenceFlow')) return [];
  const bo = getBusinessObject(element);
  const source = bo.sourceRef;
  // The default flow never has a condition, and flows out of a parallel or event-based gateway cannot have one.
  if (!source || source.default === bo || is(source, 'bpmn:ParallelGateway') || is(source, 'bpmn:EventBasedGateway')) return [];
  return [{ id: 'serviceFlowCondition', element, component: Condition, isEdited: isTextFieldEntryEdited }];
}

function Condition({ element, id }: { element: Element; id: string }) {
  const translate = useService('translate');
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  const setValue = (value: string) => {
    const body = value?.trim();
    const conditionExpression = body ? bpmnFactory.create('bpmn:FormalExpression', { body }) : undefined;
    modeling.updateProperties(element, { conditionExpression });
  };
  return TextFieldEntry({
    element,
    id,
    label: translate('Condition (FEEL)'),
    description: translate('e.g. =approved = true'),
    getValue: () => bo.conditionExpression?.body ?? '',
    setValue,
    debounce,
    validate: (value: string) => conditionProblem(value ?? ''),
  });
}
