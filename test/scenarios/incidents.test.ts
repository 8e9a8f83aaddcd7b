// Scenario tests for incidents: a failing service handler is retried with backoff, then left for a person who can
// retry after fixing the cause or resolve it by hand; nothing of the instance is lost meanwhile.
import { ServiceRegistry } from '../../src/engine/service-registry';
import { bpmn } from '../support/bpmn';
import { Scenario } from '../support/scenario';

const SECOND = 1000;

describe('incidents', () => {
  const s = new Scenario();
  let failuresLeft = 0;
  let calls = 0;

  beforeAll(async () => {
    await s.setUp();
    s.t.app.get(ServiceRegistry).register('flakyCrm', 'test handler that fails while failuresLeft > 0', () => {
      calls++;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('CRM unavailable (503)');
      }
      return { crmTicket: `CRM-${calls}` };
    });
    const xml = bpmn(
      `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="SyncCrm" />
      <bpmn:serviceTask id="SyncCrm" name="Sync to CRM" camunda:type="external" camunda:topic="flakyCrm" />
      <bpmn:sequenceFlow id="F2" sourceRef="SyncCrm" targetRef="Work" />
      <bpmn:userTask id="Work" name="Work" camunda:candidateGroups="agent" />
      <bpmn:sequenceFlow id="F3" sourceRef="Work" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
      { id: 'crm-sync' },
    );
    await s.t.http.post('/api/definitions').send({ xml }).expect(201);
  });
  afterAll(() => s.tearDown());

  const incidentsOf = async (id: string) => (await s.t.http.get(`/api/incidents?processInstanceId=${id}`).expect(200)).body.items;

  it('a handler that fails twice then succeeds completes after automatic retries (10 s, then 20 s)', async () => {
    // given
    failuresLeft = 2;
    const { id } = await s.start('crm-sync', {});
    expect(await incidentsOf(id)).toEqual([expect.objectContaining({ status: 'retrying', attempts: 1 })]);
    // when the first retry falls due it fails again
    await s.advance(10 * SECOND);
    expect(await incidentsOf(id)).toEqual([expect.objectContaining({ status: 'retrying', attempts: 2 })]);
    // and 19 s later nothing has happened yet
    await s.advance(19 * SECOND);
    expect((await incidentsOf(id))[0].attempts).toBe(2);
    // then the third attempt succeeds
    await s.advance(1 * SECOND);
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ status: 'resolved', resolution: 'succeeded on attempt 3' });
    const view = await s.instance(id);
    expect(s.openTasks(view)).toEqual(['Work']);
    expect(view.variables.crmTicket).toMatch(/^CRM-/);
    expect(view.history.map((h) => h.type).filter((t) => t.startsWith('incident.'))).toEqual(['incident.created', 'incident.retry_failed', 'incident.resolved']);
  });

  it('a handler that keeps failing leaves an open incident; a manual retry after the fix clears it', async () => {
    // given the CRM is down for good
    failuresLeft = 1000;
    const { id } = await s.start('crm-sync', {});
    await s.advance(10 * SECOND);
    await s.advance(20 * SECOND);
    const [open] = await incidentsOf(id);
    expect(open).toMatchObject({ status: 'open', attempts: 3, nextRetryAt: null });
    // when time passes nothing is retried any more
    const before = calls;
    await s.advance(3600 * SECOND);
    expect(calls).toBe(before);
    expect((await s.t.http.get(`/api/incidents?status=open`).expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(open.id);
    // then after the fix a person retries
    failuresLeft = 0;
    const retried = await s.t.http.post(`/api/incidents/${open.id}/retry`).expect(200);
    expect(retried.body.status).toBe('resolved');
    expect(s.openTasks(await s.instance(id))).toEqual(['Work']);
    await s.t.http.post(`/api/incidents/${open.id}/retry`).expect(409);
  });

  it('a person can resolve an incident by doing the work by hand, giving the variables', async () => {
    failuresLeft = 1000;
    const { id } = await s.start('crm-sync', {});
    const [incident] = await incidentsOf(id);
    const res = await s.t.http.post(`/api/incidents/${incident.id}/resolve`).send({ note: 'entered in CRM by phone', variables: { crmTicket: 'CRM-MANUAL' } }).expect(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolution: 'resolved by hand: entered in CRM by phone' });
    const view = await s.instance(id);
    expect(view.variables.crmTicket).toBe('CRM-MANUAL');
    expect(s.openTasks(view)).toEqual(['Work']);
    await s.t.http.post(`/api/incidents/${incident.id}/resolve`).send({}).expect(400);
  });

  it('cancelling an instance closes its incidents', async () => {
    failuresLeft = 1000;
    const { id } = await s.start('crm-sync', {});
    await s.t.http.delete(`/api/process-instances/${id}`).send({ reason: 'duplicate ticket' }).expect(200);
    expect(await incidentsOf(id)).toEqual([expect.objectContaining({ status: 'resolved', resolution: 'instance cancelled: duplicate ticket' })]);
    await s.advance(60 * SECOND); // no retry of a cancelled instance
  });

  it('answers 404 for an unknown incident and 400 for a bad id', async () => {
    await s.t.http.get('/api/incidents/00000000-0000-4000-8000-000000000000').expect(404);
    await s.t.http.post('/api/incidents/nope/retry').expect(400);
  });
});
