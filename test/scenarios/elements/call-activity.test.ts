// Scenario: a call activity starts a child instance of the callee, waits for it, and resumes with its out-mapped
// variables; cancelling the parent cancels the child; a BPMN error ending the child reaches a boundary on the call.
import { ServiceRegistry } from '../../../src/engine/service-registry';
import { bpmn } from '../../support/bpmn';
import { Scenario } from '../../support/scenario';

const child = (taskName: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Repair" />
    <bpmn:userTask id="Repair" name="${taskName}" camunda:candidateGroups="technician">
      <bpmn:extensionElements><camunda:formData><camunda:formField id="fixed" label="Fixed" type="boolean" /></camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Repair" targetRef="Fixed" />
    <bpmn:exclusiveGateway id="Fixed" name="Fixed?" default="F3" />
    <bpmn:sequenceFlow id="F3" sourceRef="Fixed" targetRef="End" />
    <bpmn:sequenceFlow id="F4" sourceRef="Fixed" targetRef="Failed"><bpmn:conditionExpression>=fixed = false</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="End" name="End" />
    <bpmn:endEvent id="Failed" name="Failed"><bpmn:errorEventDefinition errorRef="Err_Unfixable" /></bpmn:endEvent>`,
    { id: 'repair-child' },
  ).replace('<bpmn:process', '<bpmn:error id="Err_Unfixable" name="unfixable" errorCode="UNFIXABLE" /><bpmn:process');

const parent = (callAttrs: string, mappings: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="CallRepair" />
    <bpmn:callActivity id="CallRepair" name="Repair" calledElement="repair-child" ${callAttrs}>
      <bpmn:extensionElements>${mappings}</bpmn:extensionElements>
    </bpmn:callActivity>
    <bpmn:sequenceFlow id="F2" sourceRef="CallRepair" targetRef="Confirm" />
    <bpmn:userTask id="Confirm" name="Confirm" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F3" sourceRef="Confirm" targetRef="End" /><bpmn:endEvent id="End" name="End" />
    <bpmn:boundaryEvent id="Unfixable" name="Unfixable" attachedToRef="CallRepair"><bpmn:errorEventDefinition errorRef="Err_Unfixable" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F4" sourceRef="Unfixable" targetRef="Replace" />
    <bpmn:userTask id="Replace" name="Replace" camunda:candidateGroups="supervisor" />
    <bpmn:sequenceFlow id="F5" sourceRef="Replace" targetRef="End2" /><bpmn:endEvent id="End2" name="Replaced" />`,
    { id: 'repair-parent' },
  ).replace('<bpmn:process', '<bpmn:error id="Err_Unfixable" name="unfixable" errorCode="UNFIXABLE" /><bpmn:process');

const IN_OUT = `<camunda:in source="device" target="device" /><camunda:out source="fixed" target="repairFixed" />`;

describe('call activity', () => {
  const s = new Scenario();
  const deploy = async (xml: string) => {
    const res = await s.t.http.post("/api/definitions").send({ xml });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  beforeAll(async () => {
    await s.setUp();
    await deploy(child('Repair v1'));
    await deploy(child('Repair v2'));
  });
  afterAll(() => s.tearDown());
  const childrenOf = async (id: string) => (await s.t.http.get(`/api/process-instances/${id}`).expect(200)).body.childInstances;

  it("starts a child of the callee's latest version; completing the child's task resumes the parent with out-mapped variables", async () => {
    // given two versions of the callee (deployed before all)
    await deploy(parent('', IN_OUT));
    // when
    const started = await s.start('repair-parent', { device: 'printer', secret: 'not passed' });
    // then the parent waits on a child of version 2 that got only the mapped variable
    const [kid] = await childrenOf(started.id);
    expect(kid).toMatchObject({ definitionKey: 'repair-child', definitionVersion: 2, status: 'active', activityId: 'CallRepair', openIncidents: 0 });
    const childView = await s.instance(kid.id);
    expect(childView.variables).toEqual({ device: 'printer' });
    expect(s.openTasks(childView)).toEqual(['Repair']);
    expect((childView as any).parentInstanceId).toBe(started.id);
    // when the child's task is completed and due work runs
    await s.complete(kid.id, 'Repair', { fixed: true });
    await s.advance(0);
    // then
    const resumed = await s.instance(started.id);
    expect(s.openTasks(resumed)).toEqual(['Confirm']);
    expect(resumed.variables).toMatchObject({ repairFixed: true });
    expect(resumed.variables).not.toHaveProperty('fixed');
    expect((await s.instance(kid.id)).status).toBe('completed');
    // and the return was applied once: nothing is left to fire, one call.returned in the history
    expect(await s.advance(0)).toBe(0);
    expect(resumed.history.filter((h) => h.type === 'call.returned')).toHaveLength(1);
  });

  it('binding "version" calls the named version; variables="all" maps every variable both ways', async () => {
    // given
    await deploy(parent('camunda:calledElementBinding="version" camunda:calledElementVersion="1"', '<camunda:in variables="all" /><camunda:out variables="all" />'));
    const started = await s.start('repair-parent', { device: 'router', ticket: 'T-7' });
    const [kid] = await childrenOf(started.id);
    expect(kid.definitionVersion).toBe(1);
    expect((await s.instance(kid.id)).variables).toEqual({ device: 'router', ticket: 'T-7' });
    // when
    await s.complete(kid.id, 'Repair', { fixed: true });
    await s.advance(0);
    // then
    expect((await s.instance(started.id)).variables).toMatchObject({ device: 'router', ticket: 'T-7', fixed: true });
  });

  it('cancelling the parent cancels the child', async () => {
    // given
    await deploy(parent('', IN_OUT));
    const started = await s.start('repair-parent', { device: 'printer' });
    const [kid] = await childrenOf(started.id);
    // when
    await s.t.http.delete(`/api/process-instances/${started.id}`).send({ reason: 'customer withdrew' }).expect(200);
    // then
    const childView = await s.instance(kid.id);
    expect(childView.status).toBe('cancelled');
    expect(s.openTasks(childView)).toEqual([]);
  });

  it('a BPMN error ending the child is caught by the error boundary on the call activity', async () => {
    // given
    await deploy(parent('', IN_OUT));
    const started = await s.start('repair-parent', { device: 'printer' });
    const [kid] = await childrenOf(started.id);
    // when the child ends in the unfixable error
    await s.complete(kid.id, 'Repair', { fixed: false });
    await s.advance(0);
    // then
    const view = await s.instance(started.id);
    expect(s.openTasks(view)).toEqual(['Replace']);
    expect((await childrenOf(started.id))[0].status).toBe('completed');
  });

  it("a child's incident is visible from the parent", async () => {
    // given a callee whose service task fails
    s.t.app.get(ServiceRegistry).register('brokenCrm', 'always fails', () => {
      throw new Error('CRM down');
    });
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sync" />
        <bpmn:serviceTask id="Sync" name="Sync" camunda:type="external" camunda:topic="brokenCrm" />
        <bpmn:sequenceFlow id="F2" sourceRef="Sync" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'sync-child' },
      ),
    );
    await deploy(parent('', '').replace(/repair-child/g, 'sync-child').replace(/repair-parent/g, 'sync-parent'));
    // when
    const started = await s.start('sync-parent', {});
    // then
    expect(await childrenOf(started.id)).toEqual([expect.objectContaining({ definitionKey: 'sync-child', status: 'active', openIncidents: 1 })]);
  });

  it('a call to a process that is not deployed is refused at start with the element and the reason', async () => {
    // given
    await deploy(parent('', IN_OUT).replace(/repair-child/g, 'not-deployed').replace(/repair-parent/g, 'orphan-parent'));
    // when
    const res = await s.t.http.post('/api/process-instances').send({ definitionKey: 'orphan-parent', variables: {} });
    // then
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/CallRepair.*not-deployed/);
  });

  it('a process that calls itself is stopped at the nesting limit with the element named, and nothing is written', async () => {
    // given
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Again" />
        <bpmn:callActivity id="Again" name="Again" calledElement="recursive" />
        <bpmn:sequenceFlow id="F2" sourceRef="Again" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
        { id: 'recursive' },
      ),
    );
    // when
    const res = await s.t.http.post('/api/process-instances').send({ definitionKey: 'recursive', variables: {} });
    // then
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/call activity Again: calls are nested 20 deep/);
    expect((await s.t.http.get('/api/process-instances?definitionKey=recursive').expect(200)).body.total).toBe(0);
  });

  it('sourceExpression mappings take ${path} or FEEL; anything else is refused at deploy', async () => {
    // given
    const xml = parent('', '<camunda:in sourceExpression="=upper case(device)" target="device" /><camunda:in sourceExpression="${ticket.id}" target="ticketId" />').replace(/repair-parent/g, 'expr-parent');
    await deploy(xml);
    // when
    const started = await s.start('expr-parent', { device: 'printer', ticket: { id: 'T-9' } });
    // then
    const [kid] = await childrenOf(started.id);
    expect((await s.instance(kid.id)).variables).toEqual({ device: 'PRINTER', ticketId: 'T-9' });
    const bad = await s.t.http.post('/api/definitions').send({ xml: xml.replace('${ticket.id}', '${ticket.id.toString()}') });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/CallRepair: call activity mapping sourceExpression/);
  });

  it('a multi-instance call activity starts one child per item, each with its element variable, and waits for all', async () => {
    // given
    await deploy(
      parent('', '<camunda:in source="device" target="device" />')
        .replace('calledElement="repair-child" >', 'calledElement="repair-child" ><bpmn:multiInstanceLoopCharacteristics camunda:collection="devices" camunda:elementVariable="device" />')
        .replace(/repair-parent/g, 'mi-call-parent'),
    );
    const started = await s.start('mi-call-parent', { devices: ['printer', 'router'] });
    const kids = await childrenOf(started.id);
    const devices = await Promise.all(kids.map(async (k: any) => (await s.instance(k.id)).variables.device));
    expect(devices.sort()).toEqual(['printer', 'router']);
    // when the first child is done the parent still waits
    await s.complete(kids[0].id, 'Repair', { fixed: true });
    await s.advance(0);
    expect(s.openTasks(await s.instance(started.id))).toEqual([]);
    // then after the second it continues
    await s.complete(kids[1].id, 'Repair', { fixed: true });
    await s.advance(0);
    expect(s.openTasks(await s.instance(started.id))).toEqual(['Confirm']);
  });
});
