// Bad data at intake is refused beside its field; data that still breaks a later step opens an incident (in its own
// transaction) that a supervisor fixes by correcting the variable and retrying.
import { feesProcessXml } from '../support/fees-process';
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';

const feesProcess = feesProcessXml();

describe('bad data: refused at entry, or a visible and fixable incident', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    await t.http.post('/api/definitions').send({ xml: feesProcess }).expect(201);
  });
  afterAll(() => t?.close());

  const startFees = async (delay: string) => (await t.http.post('/api/process-instances').send({ definitionKey: 'fees-then-wait', variables: { delay } }).expect(201)).body.id as string;
  const openTask = async (instanceId: string) => (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items[0];
  const incidentsOf = async (instanceId: string) => (await t.http.get('/api/incidents').query({ processInstanceId: instanceId }).expect(200)).body.items;

  it('refuses a follow-up delay like "2 minutes" at the service-request start form, beside the field', async () => {
    // when
    const res = await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: { ...SERVICE_REQUEST_START, followUpDelay: '2 minutes' } }).expect(400);
    // then
    expect(res.body.details).toEqual([{ field: 'followUpDelay', message: expect.stringContaining('ISO 8601 duration') }]);
    await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: { ...SERVICE_REQUEST_START, followUpDelay: 'PT2M' } }).expect(201);
  });

  it('refuses survey delays that no timer could evaluate, beside each field', async () => {
    const variables = { resolutionKey: 'SR-1:1', channel: 'phone', customerName: 'Li Wei', customerContact: '+86 138 0000 0000', surveyDelay: '1 day', reminderAfter: 'P3D', expiryAfterReminder: 'four days' };
    const res = await t.http.post('/api/process-instances').send({ definitionKey: 'satisfaction-survey', variables }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['surveyDelay', 'expiryAfterReminder']);
  });

  it('refuses a bad amount beside the field and accepts 350.50', async () => {
    const id = await startFees('PT1H');
    const task = await openTask(id);
    const bad = await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: '350,50' } }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'amount', message: 'Amount: must be a number, e.g. 350.50' }]);
    const done = await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: '350.50' } }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', submitted: { amount: 350.5 }, processInstance: { activeActivityIds: ['Timer_Wait'] } });
  });

  it('opens an incident when a completion fails on data, and the supervisor corrects the variable and retries', async () => {
    // given a delay forced through the API that no timer can evaluate
    const id = await startFees('2 minutes');
    const task = await openTask(id);
    // when the worker completes the task (twice)
    const failed = await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: 350.5 } }).expect(422);
    expect(failed.body.message).toMatch(/Timer_Wait: Unexpected ISO 8601.*incident/);
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: 350.5 } }).expect(422);
    // then one open incident, recorded although the command rolled back, and the task still open
    const [incident] = await incidentsOf(id);
    expect(await incidentsOf(id)).toHaveLength(1);
    expect(incident).toMatchObject({ activityId: 'Task_Fees', status: 'open', attempts: 2, error: expect.stringContaining('Timer_Wait: Unexpected ISO 8601') });
    expect((await openTask(id)).id).toBe(task.id);
    const detail = (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
    expect(detail.history.map((h: { type: string }) => h.type)).toContain('incident.open');
    // when a retry still carries a bad value, the incident stays open with one more attempt
    const again = await t.http.post(`/api/incidents/${incident.id}/retry`).send({ variables: { delay: 'soon' } }).expect(200);
    expect(again.body).toMatchObject({ status: 'open', attempts: 3 });
    // when the supervisor corrects the variable and retries
    const fixed = await t.http.post(`/api/incidents/${incident.id}/retry`).send({ variables: { delay: 'PT2M' } }).expect(200);
    // then the completion goes through with the worker's values and the corrected variable
    expect(fixed.body).toMatchObject({ status: 'resolved', resolution: expect.stringContaining('delay') });
    const after = (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'active', activeActivityIds: ['Timer_Wait'], variables: { delay: 'PT2M', amount: 350.5 } });
    expect(after.tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({ status: 'completed' });
  });

  it('refuses a correction that is not a variables object', async () => {
    const id = await startFees('nope');
    const task = await openTask(id);
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { amount: 1 } }).expect(422);
    const [incident] = await incidentsOf(id);
    await t.http.post(`/api/incidents/${incident.id}/retry`).send({ variables: 'PT2M' }).expect(400);
  });
});
