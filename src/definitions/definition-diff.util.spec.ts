// Element-level diff of two diagram versions: added, removed and changed elements with the fields that differ.
import { parseBpmn } from '../engine/bpmn-parser';
import { diffDefinitions } from './definition-diff.util';

function diagram({ duration = 'PT24H', condition = '=urgent = true', extra = '', role = 'agent' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="diffed" name="Diffed" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gw" />
    <bpmn:exclusiveGateway id="Gw" name="Urgent?" default="Flow_Later" />
    <bpmn:sequenceFlow id="Flow_Now" name="Yes" sourceRef="Gw" targetRef="Task_Call">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Later" sourceRef="Gw" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait" name="Wait">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Wait" targetRef="Task_Call" />
    <bpmn:userTask id="Task_Call" name="Call" camunda:candidateGroups="${role}" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Call" targetRef="End" />
    <bpmn:endEvent id="End" name="End" />
    ${extra}
  </bpmn:process>
</bpmn:definitions>`;
}

async function diff(before: string | null, after: string) {
  return diffDefinitions({ before: before ? (await parseBpmn(before)).root : null, after: (await parseBpmn(after)).root });
}

describe('diffDefinitions', () => {
  it('finds nothing between identical diagrams', async () => {
    // when
    const changes = await diff(diagram(), diagram());
    // then
    expect(changes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists every element as added when there is no previous version', async () => {
    // when
    const changes = await diff(null, diagram());
    // then
    expect(changes.added.map((e) => e.id).sort()).toEqual(['End', 'Flow_1', 'Flow_2', 'Flow_3', 'Flow_Later', 'Flow_Now', 'Gw', 'Start', 'Task_Call', 'Wait']);
    expect(changes.removed).toEqual([]);
  });

  it('reports a changed timer duration on the timer event only', async () => {
    // when
    const changes = await diff(diagram(), diagram({ duration: 'PT48H' }));
    // then
    expect(changes.changed).toEqual([{ id: 'Wait', type: 'bpmn:IntermediateCatchEvent', name: 'Wait', fields: ['timer'] }]);
  });

  it('reports conditions and candidate roles', async () => {
    // when
    const changes = await diff(diagram(), diagram({ condition: '=urgent = false', role: 'technician' }));
    // then
    expect(changes.changed).toEqual([
      { id: 'Flow_Now', type: 'bpmn:SequenceFlow', name: 'Yes', fields: ['condition'] },
      { id: 'Task_Call', type: 'bpmn:UserTask', name: 'Call', fields: ['candidateRoles'] },
    ]);
  });

  it('reports added and removed elements and the rewiring they cause', async () => {
    // given
    const before = diagram();
    const after = diagram()
      .replace('<bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Call" targetRef="End" />', '<bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Call" targetRef="End_New" />')
      .replace('<bpmn:endEvent id="End" name="End" />', '<bpmn:endEvent id="End_New" name="Closed" />');
    // when
    const changes = await diff(before, after);
    // then
    expect(changes.added).toEqual([{ id: 'End_New', type: 'bpmn:EndEvent', name: 'Closed' }]);
    expect(changes.removed).toEqual([{ id: 'End', type: 'bpmn:EndEvent', name: 'End' }]);
    expect(changes.changed).toEqual([{ id: 'Flow_3', type: 'bpmn:SequenceFlow', name: '', fields: ['target'] }]);
  });
});
