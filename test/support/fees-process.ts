// The bad-data tests' process: start (no start form: variables pass as sent) → Settle fees (a required decimal amount,
// optionally a read-only diagnosis from an earlier step) → timer `=delay` → Call back → end.
import { bpmn } from './bpmn';

export function feesProcessXml(options: { readonlyDiagnosis?: boolean } = {}): string {
  const diagnosis = options.readonlyDiagnosis
    ? `<camunda:formField id="diagnosis" label="Diagnosis" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField>`
    : '';
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Fees" />
  <bpmn:userTask id="Task_Fees" name="Settle fees" camunda:candidateGroups="agent">
    <bpmn:extensionElements><camunda:formData>
      ${diagnosis}
      <camunda:formField id="amount" label="Amount" type="decimal"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
    </camunda:formData></bpmn:extensionElements>
  </bpmn:userTask>
  <bpmn:sequenceFlow id="F2" sourceRef="Task_Fees" targetRef="Timer_Wait" />
  <bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=delay</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F3" sourceRef="Timer_Wait" targetRef="Task_Call" />
  <bpmn:userTask id="Task_Call" name="Call back" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F4" sourceRef="Task_Call" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
    { id: 'fees-then-wait' },
  );
}
