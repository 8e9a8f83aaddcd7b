// Scenario: signals reach every instance waiting for them (durable subscriptions, one delivery row per catch), from
// POST /api/signals (Camunda's shape) or from a signal thrown by another instance; a signal boundary interrupts.
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const SIGNAL = '<bpmn:signal id="Sig_Recall" name="productRecall" />';
const waiting = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Recall" />
  <bpmn:intermediateCatchEvent id="Recall" name="recall"><bpmn:signalEventDefinition signalRef="Sig_Recall" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Recall" targetRef="Contact" /><bpmn:userTask id="Contact" name="Contact customer" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Contact" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
  { id: 'recall-wait', messages: SIGNAL },
);
const thrower = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Announce" />
  <bpmn:intermediateThrowEvent id="Announce" name="announce"><bpmn:signalEventDefinition signalRef="Sig_Recall" /></bpmn:intermediateThrowEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Announce" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
  { id: 'recall-announce', messages: SIGNAL },
);
const guarded = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Repair" />
  <bpmn:userTask id="Repair" name="Repair" camunda:candidateGroups="technician" />
  <bpmn:sequenceFlow id="F2" sourceRef="Repair" targetRef="End" /><bpmn:endEvent id="End" name="e" />
  <bpmn:boundaryEvent id="Recalled" name="recalled" attachedToRef="Repair"><bpmn:signalEventDefinition signalRef="Sig_Recall" /></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="F3" sourceRef="Recalled" targetRef="Replace" /><bpmn:userTask id="Replace" name="Replace" camunda:candidateGroups="supervisor" />
  <bpmn:sequenceFlow id="F4" sourceRef="Replace" targetRef="End2" /><bpmn:endEvent id="End2" name="e2" />`,
  { id: 'recall-guarded', messages: SIGNAL },
);

describe('signals', () => {
  const s = new Scenario();
  const deploy = async (xml: string) => {
    const res = await s.t.http.post('/api/definitions').send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  beforeAll(async () => {
    await s.setUp();
    for (const xml of [waiting, thrower, guarded]) await deploy(xml);
  });
  afterAll(() => s.tearDown());

  it('POST /api/signals reaches every waiting instance, with its variables, exactly once', async () => {
    // given two instances waiting for the recall and one interrupting boundary
    const a = await s.start('recall-wait', {});
    const b = await s.start('recall-wait', {});
    const c = await s.start('recall-guarded', {});
    // when
    await s.t.http.post('/api/signals').send({ name: 'productRecall', variables: { model: { value: 'X200', type: 'String' } } }).expect(204);
    await s.advance(0);
    // then
    for (const id of [a.id, b.id]) {
      const view = await s.instance(id);
      expect(s.openTasks(view)).toEqual(['Contact']);
      expect(view.variables).toMatchObject({ model: 'X200' });
    }
    const cView = await s.instance(c.id);
    expect(s.openTasks(cView)).toEqual(['Replace']);
    // and a second broadcast finds nobody waiting
    await s.t.http.post('/api/signals').send({ name: 'productRecall' }).expect(204);
    expect(await s.advance(0)).toBe(0);
  });

  it('a signal thrown by one instance reaches instances of other processes', async () => {
    // given
    const waiter = await s.start('recall-wait', {});
    // when
    const announced = await s.start('recall-announce', {});
    await s.advance(0);
    // then
    expect(announced.status).toBe('completed');
    expect(s.openTasks(await s.instance(waiter.id))).toEqual(['Contact']);
  });

  it('rejects a signal without a name', async () => {
    await s.t.http.post('/api/signals').send({ variables: {} }).expect(400);
  });
});
