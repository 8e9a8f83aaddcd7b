// Builds small BPMN documents for deploy and API tests.
export function bpmn(processBody: string, opts: { id?: string; messages?: string } = {}): string {
  const id = opts.id ?? 'test-process';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_${id}" targetNamespace="http://example.com/test">
  ${opts.messages ?? ''}
  <bpmn:process id="${id}" name="Test ${id}" isExecutable="true">
    ${processBody}
  </bpmn:process>
</bpmn:definitions>`;
}

/** start → one user task (agent, with a required field) → end; `between` is placed on the way to the task. */
export function simpleTaskProcess(id = 'simple-task', taskAttrs = ''): string {
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Do" />
    <bpmn:userTask id="Task_Do" name="Do it" camunda:candidateGroups="agent" ${taskAttrs}>
      <bpmn:extensionElements><camunda:formData>
        <camunda:formField id="done" label="Done" type="boolean"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField>
      </camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Do" targetRef="End" />
    <bpmn:endEvent id="End" name="End" />`,
    { id },
  );
}
