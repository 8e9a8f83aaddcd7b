// Concurrent dispatches on a small connection pool: the roster read inside each command must not wait for the
// connections those same commands hold (it did with the main pool: two commands, two connections, both waiting).
import { startTestApp, type TestApp } from '../support/app';
import { fillForm } from '../support/scenario';

const REQUEST = { channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };

describe('dispatch under a small pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DB_POOL_SIZE: '2' } });
    await t.as('hw.one', ['technician']);
    await t.http.put('/api/dispatch/technicians/hw.one').send({ skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 100 }).expect(200);
  });
  afterAll(() => t.close());

  const complete = async (id: string, activityId: string, overrides: Record<string, unknown> = {}) => {
    const task = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items.find((x: { activityId: string }) => x.activityId === activityId);
    return t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, overrides) });
  };

  it('dispatches six requests triaged at the same moment', async () => {
    // given six recorded requests
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: REQUEST }).expect(201)).body.id;
      await complete(id, 'Task_RecordRequest');
      ids.push(id);
    }
    // when all six are triaged at once (each command runs assignTechnician)
    const answers = await Promise.all(ids.map((id) => complete(id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false })));
    // then every one answered and reached dispatch with the technician
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const id of ids) expect((await t.http.get(`/api/process-instances/${id}`).expect(200)).body.variables.technician).toBe('hw.one');
  }, 60_000);
});
