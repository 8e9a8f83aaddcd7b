// Timer value entry: Camunda's, plus the deploy check's own timer and FEEL messages under the field as you type.
import { TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { checkFeel, isFeel } from '../../../../../src/engine/feel';
import { timerValueProblem, type TimerKind } from '../../../../../src/definitions/lint/rules/timer-definition';

type Element = any;
type Entry = { id: string; component?: unknown; [key: string]: unknown };

/** Swaps the component of Camunda's timer value entry (same id, same props) for ours. */
export function withCheckedTimerValue(entries: Entry[]): Entry[] {
  return entries.map((e) => (e.id === 'timerEventDefinitionValue' ? { ...e, component: TimerValue } : e));
}

export function timerProblem(element: Element, kind: TimerKind, value: string): string | null {
  const text = (value ?? '').trim();
  if (isFeel(text)) return checkFeel(text);
  const onProcessStart = is(element, 'bpmn:StartEvent') && is(element.parent, 'bpmn:Process');
  return timerValueProblem(kind, text, { onProcessStart });
}

function TimerValue(props: { element: Element; id: string; timerEventDefinition: any; timerEventDefinitionType: TimerKind }) {
  const { element, id, timerEventDefinition, timerEventDefinitionType } = props;
  const commandStack = useService('commandStack');
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const expression = timerEventDefinition.get(timerEventDefinitionType);
  return TextFieldEntry({
    element,
    id,
    label: translate('Value'),
    description: translate('ISO 8601 (PT24H, 2026-03-01T09:00:00+08:00, R3/PT1H) or FEEL with a leading "="'),
    getValue: () => expression?.get('body') ?? '',
    setValue: (value: string) => commandStack.execute('element.updateModdleProperties', { element, moddleElement: expression, properties: { body: value } }),
    debounce,
    validate: (value: string) => timerProblem(element, timerEventDefinitionType, value),
  });
}
