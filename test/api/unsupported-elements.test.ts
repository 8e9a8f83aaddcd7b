// Deploy refuses, with the element id and what to use instead, every element that would wait with nothing to move it.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';

const around = (id: string, body: string, defs = '') =>
  bpmn(`<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="${id}" />${body}<bpmn:sequenceFlow id="F9" sourceRef="${id}" targetRef="End" /><bpmn:endEvent id="End" name="e" />`, {
    id: `refused-${id.toLowerCase()}`,
    messages: defs,
  });

/** A multi-instance subprocess holding an event subprocess whose start carries `start`. */
const inMultiInstance = (start: string) =>
  around(
    'Each',
    `<bpmn:subProcess id="Each" name="each"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
    <bpmn:startEvent id="InStart" name="is" /><bpmn:sequenceFlow id="I1" sourceRef="InStart" targetRef="InEnd" /><bpmn:endEvent id="InEnd" name="ie" />
    <bpmn:subProcess id="OnEvent" name="on event" triggeredByEvent="true"><bpmn:startEvent id="EvStart" name="ev">${start}</bpmn:startEvent>
    <bpmn:sequenceFlow id="E1" sourceRef="EvStart" targetRef="EvEnd" /><bpmn:endEvent id="EvEnd" name="ee" /></bpmn:subProcess></bpmn:subProcess>`,
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
    ['a business rule task without a topic', around('Decide', '<bpmn:businessRuleTask id="Decide" name="d" />'), 'Decide', /business rule task must name a handler or an external task topic/],
    ['a timer-started event subprocess inside a multi-instance subprocess', inMultiInstance('<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>'), 'EvStart', /inside a multi-instance subprocess cannot be started by a timer, message, signal or condition yet/],
    ['a cron cycle on an event subprocess start', around('Main', `<bpmn:userTask id="Main" name="m" camunda:candidateGroups="agent" /><bpmn:subProcess id="OnTime" name="t" triggeredByEvent="true"><bpmn:startEvent id="EvStart" name="ev" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle>0 9 * * *</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="E1" sourceRef="EvStart" targetRef="EvEnd" /><bpmn:endEvent id="EvEnd" name="ee" /></bpmn:subProcess>`), 'EvStart', /must be a literal ISO 8601 value/],
    ['a call activity without a callee', around('Call', '<bpmn:callActivity id="Call" name="c" />'), 'Call', /must name the called process/],
    ['a call activity with deployment binding', around('Call', '<bpmn:callActivity id="Call" name="c" calledElement="x" camunda:calledElementBinding="deployment" />'), 'Call', /binding "deployment" is not supported/],
  ])('%s', async (_what, xml, elementId, reason) => {
    // when
    const details = await refusal(xml);
    // then
    expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId, message: expect.stringMatching(reason) })]));
  });
});
