// Scenario: a signal (POST /api/signals or thrown by an instance) starts a new instance of the latest version of every
// definition with a matching signal start event, in the broadcast's transaction; a message start event is started by
// POST /api/messages when no instance waits for that message.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const SIGNAL = '<bpmn:signal id="Sig_Outage" name="networkOutage" />';
const signalStarted = (id: string, taskName: string) =>
  bpmn(
    `<bpmn:startEvent id="OnOutage" name="Outage"><bpmn:signalEventDefinition signalRef="Sig_Outage" /></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="OnOutage" targetRef="Inform" />
    <bpmn:userTask id="Inform" name="${taskName}" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F2" sourceRef="Inform" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
    { id, messages: SIGNAL },
  );
const thrower = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Announce" />
  <bpmn:intermediateThrowEvent id="Announce" name="announce"><bpmn:signalEventDefinition signalRef="Sig_Outage" /></bpmn:intermediateThrowEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Announce" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
  { id: 'outage-detector', messages: SIGNAL },
);
const MESSAGE = '<bpmn:message id="Msg_Order" name="orderReceived" />';
const messageStarted = bpmn(
  `<bpmn:startEvent id="OnOrder" name="Order"><bpmn:messageEventDefinition messageRef="Msg_Order" /></bpmn:startEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="OnOrder" targetRef="Pick" />
  <bpmn:userTask id="Pick" name="Pick" camunda:candidateGroups="technician" />
  <bpmn:sequenceFlow id="F2" sourceRef="Pick" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'order-intake', messages: MESSAGE },
);

describe('signal and message start events', () => {
  const s = new Scenario();
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  const instancesOf = async (key: string) => (await s.t.http.get(`/api/process-instances?definitionKey=${key}`).expect(200)).body.items;
  beforeAll(async () => {
    await s.setUp();
    await deploy(signalStarted('outage-notice', 'Inform v1'));
    await deploy(signalStarted('outage-notice', 'Inform v2'));
    await deploy(signalStarted('outage-ticket', 'Open ticket'));
    await deploy(thrower);
    await deploy(messageStarted);
  });
  afterAll(() => s.tearDown());

  it('POST /api/signals starts one instance of the latest version of every definition with that signal start, with the variables', async () => {
    // when
    await s.t.http.post('/api/signals').send({ name: 'networkOutage', variables: { region: { value: 'north', type: 'String' } } }).expect(204);
    // then, at once (in the broadcast's transaction)
    const [notice] = await instancesOf('outage-notice');
    const [ticket] = await instancesOf('outage-ticket');
    expect(notice).toMatchObject({ definitionVersion: 2, status: 'active' });
    const view = await s.instance(notice.id);
    expect(s.openTasks(view)).toEqual(['Inform']);
    expect(view.variables).toEqual({ region: 'north' });
    expect(s.openTasks(await s.instance(ticket.id))).toEqual(['Inform']);
  });

  it('a signal thrown by an instance starts them too', async () => {
    // given
    const before = (await instancesOf('outage-notice')).length;
    // when
    await s.start('outage-detector', {});
    // then
    expect(await instancesOf('outage-notice')).toHaveLength(before + 1);
  });

  it('a signal nobody starts on or waits for changes nothing', async () => {
    // when
    await s.t.http.post('/api/signals').send({ name: 'somethingElse' }).expect(204);
    // then
    expect(await instancesOf('outage-notice')).toHaveLength(2);
  });

  it('a process started by a signal that throws it again is stopped 10 deep, and nothing is written', async () => {
    // given
    const ECHO = '<bpmn:signal id="Sig_Echo" name="echo" />';
    await deploy(
      bpmn(
        `<bpmn:startEvent id="OnEcho" name="Echo"><bpmn:signalEventDefinition signalRef="Sig_Echo" /></bpmn:startEvent>
        <bpmn:sequenceFlow id="F1" sourceRef="OnEcho" targetRef="Again" />
        <bpmn:intermediateThrowEvent id="Again" name="again"><bpmn:signalEventDefinition signalRef="Sig_Echo" /></bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="F2" sourceRef="Again" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'echo', messages: ECHO },
      ),
    );
    // when
    const res = await s.t.http.post('/api/signals').send({ name: 'echo' });
    // then
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/signal "echo" starts processes that throw it again, 10 deep/);
    expect(await instancesOf('echo')).toEqual([]);
  });

  it('POST /api/messages starts the definition with that message start event, with the business key and variables', async () => {
    // when
    const res = await s.t.http.post('/api/messages').send({ messageName: 'orderReceived', businessKey: 'ORD-1', variables: { sku: 'X1' } }).expect(200);
    // then
    const [order] = await instancesOf('order-intake');
    expect(res.body.processInstanceIds).toEqual([order.id]);
    const view = await s.instance(order.id);
    expect(s.openTasks(view)).toEqual(['Pick']);
    expect(view.variables).toEqual({ sku: 'X1' });
    expect(order.businessKey).toBe('ORD-1');
  });
});
