// Data incidents beyond task completions (issue 17 item 3): a timer firing or a message correlation whose continuation
// fails on data opens one visible incident (no silent retry loop) that a supervisor retries after correcting a variable.
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { startTestApp, type TestApp } from '../support/app';
import { messageThenWaitXml, timerThenWaitXml } from '../support/event-data-processes';

describe('data incidents of timers and messages', () => {
  let t: TestApp;
  const clock = new FakeClock(new Date('2026-03-02T09:00:00+08:00'));
  beforeAll(async () => {
    t = await startTestApp({ clock });
    await t.http.post('/api/definitions').send({ xml: timerThenWaitXml() }).expect(201);
    await t.http.post('/api/definitions').send({ xml: messageThenWaitXml() }).expect(201);
  });
  afterAll(() => t?.close());

  const start = async (definitionKey: string, businessKey: string, delay: string) =>
    (await t.http.post('/api/process-instances').send({ definitionKey, businessKey, variables: { delay } }).expect(201)).body.id as string;
  const incidentsOf = async (instanceId: string) => (await t.http.get('/api/incidents').query({ processInstanceId: instanceId }).expect(200)).body.items;
  const instance = async (id: string) => (await t.http.get(`/api/process-instances/${id}`).expect(200)).body;
  const fire = async (ms: number) => {
    clock.advance(ms);
    await t.app.get(TimerFiringService).fireDue(clock.now());
  };

  it('turns a timer whose continuation fails on data into one open incident, parked until a supervisor retries it', async () => {
    // given a delay forced through the API that the next timer cannot evaluate
    const id = await start('timer-then-wait', 'TMR-1', '2 minutes');
    // when the first timer falls due, and the poller comes round again and again
    await fire(61_000);
    await fire(120_000);
    await fire(600_000);
    // then one open incident on the timer, attempted once: the timer waits for the supervisor instead of looping
    const incidents = await incidentsOf(id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ activityId: 'Timer_First', status: 'open', attempts: 1, correctable: true, error: expect.stringMatching(/Timer_Wait: .*ISO 8601/) });
    const waiting = await instance(id);
    expect(waiting).toMatchObject({ status: 'active', activeActivityIds: ['Timer_First'] });
    expect(waiting.timers).toEqual([]); // parked: shown through its incident, not as a due time
    expect(waiting.history.map((h: { type: string }) => h.type)).toContain('incident.open');
    // and it cannot be closed by hand (the token would wait on a timer that never fires)
    const refused = await t.http.post(`/api/incidents/${incidents[0].id}/resolve`).send({ note: 'done' }).expect(409);
    expect(refused.body.message).toMatch(/retry it with the corrected variables/);
    // when the supervisor retries with a value that still fails, then with a corrected one
    expect((await t.http.post(`/api/incidents/${incidents[0].id}/retry`).send({ variables: { delay: 'soon' } }).expect(200)).body).toMatchObject({ status: 'open', attempts: 2 });
    const fixed = (await t.http.post(`/api/incidents/${incidents[0].id}/retry`).send({ variables: { delay: 'PT2M' } }).expect(200)).body;
    // then the timer has fired with the corrected variable and the instance waits on the next timer
    expect(fixed).toMatchObject({ status: 'resolved', resolution: expect.stringContaining('delay') });
    const after = await instance(id);
    expect(after).toMatchObject({ status: 'active', activeActivityIds: ['Timer_Wait'], variables: { delay: 'PT2M' } });
    expect(after.timers.map((x: { activityId: string }) => x.activityId)).toEqual(['Timer_Wait']);
    // and it goes on from there
    await fire(121_000);
    expect((await instance(id)).activeActivityIds).toEqual(['Task_Call']);
  });

  it('turns a message whose continuation fails on data into an incident; the retry delivers it with the correction', async () => {
    // given
    const id = await start('message-then-wait', 'MSG-1', 'PT5M');
    // when the message carries a delay no timer can evaluate (twice)
    const failed = await t.http.post('/api/messages').send({ messageName: 'goAhead', businessKey: 'MSG-1', variables: { delay: 'five minutes', note: 'from the warehouse' } }).expect(422);
    await t.http.post('/api/messages').send({ messageName: 'goAhead', businessKey: 'MSG-1', variables: { delay: 'five minutes', note: 'from the warehouse' } }).expect(422);
    // then the caller hears of the incident, which is open once with two attempts; the instance still waits
    expect(failed.body.message).toMatch(/Timer_Wait: .*ISO 8601.*incident/);
    const incidents = await incidentsOf(id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ activityId: 'Event_Go', status: 'open', attempts: 2, correctable: true });
    expect((await instance(id)).activeActivityIds).toEqual(['Event_Go']);
    // when the supervisor corrects the delay and retries
    const fixed = (await t.http.post(`/api/incidents/${incidents[0].id}/retry`).send({ variables: { delay: 'PT3M' } }).expect(200)).body;
    // then the message is delivered with its own variables and the correction
    expect(fixed).toMatchObject({ status: 'resolved' });
    const after = await instance(id);
    expect(after).toMatchObject({ activeActivityIds: ['Timer_Wait'], variables: { delay: 'PT3M', note: 'from the warehouse' } });
    expect(after.history.map((h: { type: string }) => h.type)).toContain('message.correlated');
  });
});
