// Processes whose timer or message continuation fails on data: the next timer (`=delay`) cannot be evaluated.
import { bpmn } from './bpmn';

const WAIT = `<bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=delay</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F3" sourceRef="Timer_Wait" targetRef="Task_Call" />
  <bpmn:userTask id="Task_Call" name="Call back" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F4" sourceRef="Task_Call" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`;

/** start → Timer_First (PT1M) → Timer_Wait (=delay) → Call back → end. */
export function timerThenWaitXml(): string {
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Timer_First" />
  <bpmn:intermediateCatchEvent id="Timer_First" name="First wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Timer_First" targetRef="Timer_Wait" />
  ${WAIT}`,
    { id: 'timer-then-wait' },
  );
}

/** start → Event_Go (public message goAhead) → Timer_Wait (=delay) → Call back → end. */
export function messageThenWaitXml(): string {
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Event_Go" />
  <bpmn:intermediateCatchEvent id="Event_Go" name="Go ahead"><bpmn:messageEventDefinition messageRef="Msg_Go" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Event_Go" targetRef="Timer_Wait" />
  ${WAIT}`,
    { id: 'message-then-wait', messages: '<bpmn:message id="Msg_Go" name="goAhead"><bpmn:extensionElements><camunda:properties><camunda:property name="public" value="true" /></camunda:properties></bpmn:extensionElements></bpmn:message>' },
  );
}
