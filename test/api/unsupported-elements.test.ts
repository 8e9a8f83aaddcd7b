// Deploy refuses, with the element id and what to use instead, every element that would wait with nothing to move it.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

const around = (id: string, body: string, defs = '') =>
  bpmn(`<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="${id}" />${body}<bpmn:sequenceFlow id="F9" sourceRef="${id}" targetRef="End" /><bpmn:endEvent id="End" name="e" />`, {
    id: `refused-${id.toLowerCase()}`,
    messages: defs,
  });

const eventSub = (start: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Main" /><bpmn:userTask id="Main" name="m" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F2" sourceRef="Main" targetRef="End" /><bpmn:endEvent id="End" name="e" />
    <bpmn:subProcess id="OnEvent" name="on event" triggeredByEvent="true"><bpmn:startEvent id="EvStart" name="ev">${start}</bpmn:startEvent>
    <bpmn:sequenceFlow id="E1" sourceRef="EvStart" targetRef="EvEnd" /><bpmn:endEvent id="EvEnd" name="ee" /></bpmn:subProcess>`,
    { id: 'refused-evsub', messages: '<bpmn:message id="Msg_X" name="x" />' },
  );

describe('deploy refuses elements the engine cannot run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const refusal = async (xml: string) => {
    const res = await t.http.post('/api/definitions').send({ xml });
    expect(res.status).toBe(400);
    return res.body.details as { elementId: string; message: string }[];
  };

  it.each([
    ['a signal catch without a named signal', around('WaitSignal', '<bpmn:intermediateCatchEvent id="WaitSignal" name="w"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>'), 'WaitSignal', /must reference a bpmn:signal with a name/],
    ['a signal-started event subprocess', eventSub('<bpmn:signalEventDefinition signalRef="Sig" />').replace('<bpmn:process', '<bpmn:signal id="Sig" name="recall" /><bpmn:process'), 'EvStart', /started by a signal are not supported yet/],
    ['a business rule task without a topic', around('Decide', '<bpmn:businessRuleTask id="Decide" name="d" />'), 'Decide', /business rule task must name a handler or an external task topic/],
    ['a timer-started event subprocess', eventSub('<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>'), 'EvStart', /started by a timer are not supported yet.*boundary event/],
    ['a message-started event subprocess', eventSub('<bpmn:messageEventDefinition messageRef="Msg_X" />'), 'EvStart', /started by a message are not supported yet/],
    ['a call activity without a callee', around('Call', '<bpmn:callActivity id="Call" name="c" />'), 'Call', /must name the called process/],
    ['a call activity with deployment binding', around('Call', '<bpmn:callActivity id="Call" name="c" calledElement="x" camunda:calledElementBinding="deployment" />'), 'Call', /binding "deployment" is not supported/],
  ])('%s', async (_what, xml, elementId, reason) => {
    // when
    const details = await refusal(xml);
    // then
    expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId, message: expect.stringMatching(reason) })]));
  });

  it('an inclusive gateway join', async () => {
    // given
    const xml = bpmn(
      `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" /><bpmn:inclusiveGateway id="Fork" name="f" />
      <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Merge"><bpmn:conditionExpression>=a</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Merge"><bpmn:conditionExpression>=b</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:inclusiveGateway id="Merge" name="m" /><bpmn:sequenceFlow id="F4" sourceRef="Merge" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
      { id: 'refused-inclusive' },
    );
    // when / then
    expect(await refusal(xml)).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Merge', message: expect.stringMatching(/inclusive gateway joins are not supported yet/) })]));
  });
});
