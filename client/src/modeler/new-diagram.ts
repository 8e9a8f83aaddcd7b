// The template of a new diagram (start → user task → end, in our dialect) and the process id rule (kebab-case).
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id` is not an acceptable process id, or null. */
export function processIdProblem(id: string): 'required' | 'kebab' | null {
  if (!id.trim()) return 'required';
  return KEBAB.test(id) ? null : 'kebab';
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function newDiagramXml(processId: string, name: string): string {
  const title = escape(name.trim() || processId);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" name="${title}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_Received" name="Request received">
      <bpmn:outgoing>Flow_ToHandle</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_Handle" name="Handle request" camunda:candidateGroups="agent">
      <bpmn:incoming>Flow_ToHandle</bpmn:incoming>
      <bpmn:outgoing>Flow_ToDone</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_Done" name="Done">
      <bpmn:incoming>Flow_ToDone</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_ToHandle" sourceRef="StartEvent_Received" targetRef="Task_Handle" />
    <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Task_Handle" targetRef="EndEvent_Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_Received_di" bpmnElement="StartEvent_Received">
        <dc:Bounds x="152" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="128" y="145" width="84" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Handle_di" bpmnElement="Task_Handle">
        <dc:Bounds x="250" y="80" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done">
        <dc:Bounds x="412" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="418" y="145" width="25" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_ToHandle_di" bpmnElement="Flow_ToHandle">
        <di:waypoint x="188" y="120" />
        <di:waypoint x="250" y="120" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone">
        <di:waypoint x="350" y="120" />
        <di:waypoint x="412" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
