// Scenario tests for every BPMN timer form on durable timer rows, with a fake clock: boundary (interrupting and
// non-interrupting, repeating cycles), intermediate catch with dates in the configured zone, long timers, and
// event-based gateway races.
import { bpmn } from '../support/bpmn';
import { HOUR, MINUTE, Scenario } from '../support/scenario';

const DAY = 24 * HOUR;
const task = (id: string, attrs = '') => `<bpmn:userTask id="${id}" name="${id}" camunda:candidateGroups="agent" ${attrs} />`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

describe('timer forms', () => {
  const s = new Scenario();
  beforeAll(async () => {
    await s.setUp();
    const deploy = (xml: string) => s.t.http.post('/api/definitions').send({ xml }).expect(201);
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" />${flow('F1', 'Start', 'Work')}${task('Work')}${flow('F2', 'Work', 'End')}<bpmn:endEvent id="End" name="End" />
        <bpmn:boundaryEvent id="Remind" name="Remind" attachedToRef="Work" cancelActivity="false">${timer('timeCycle', 'R3/PT1H')}</bpmn:boundaryEvent>
        ${flow('F3', 'Remind', 'Notify')}<bpmn:serviceTask id="Notify" name="Notify" camunda:type="external" camunda:topic="notifyCustomer" />
        ${flow('F4', 'Notify', 'Reminded')}<bpmn:endEvent id="Reminded" name="Reminded" />`,
        { id: 'reminders' },
      ),
    );
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" />${flow('F1', 'Start', 'Until')}
        <bpmn:intermediateCatchEvent id="Until" name="Until">${timer('timeDate', '=visitAt')}</bpmn:intermediateCatchEvent>
        ${flow('F2', 'Until', 'Work')}${task('Work')}${flow('F3', 'Work', 'End')}<bpmn:endEvent id="End" name="End" />`,
        { id: 'until-date' },
      ),
    );
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" />${flow('F1', 'Start', 'Wait')}
        <bpmn:intermediateCatchEvent id="Wait" name="Wait">${timer('timeDuration', 'P40D')}</bpmn:intermediateCatchEvent>
        ${flow('F2', 'Wait', 'Work')}${task('Work')}${flow('F3', 'Work', 'End')}<bpmn:endEvent id="End" name="End" />`,
        { id: 'forty-days' },
      ),
    );
    await deploy(
      bpmn(
        `<bpmn:startEvent id="Start" name="Start" />${flow('F1', 'Start', 'Race')}
        <bpmn:eventBasedGateway id="Race" name="Reply or timeout?" />${flow('F2', 'Race', 'Reply')}${flow('F3', 'Race', 'Timeout')}
        <bpmn:intermediateCatchEvent id="Reply" name="Reply"><bpmn:messageEventDefinition messageRef="Msg_Reply" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="Timeout" name="Timeout">${timer('timeDuration', 'PT48H')}</bpmn:intermediateCatchEvent>
        ${flow('F4', 'Reply', 'Answered')}${flow('F5', 'Timeout', 'Chase')}
        <bpmn:endEvent id="Answered" name="Answered" />${task('Chase')}${flow('F6', 'Chase', 'End')}<bpmn:endEvent id="End" name="End" />`,
        { id: 'race', messages: '<bpmn:message id="Msg_Reply" name="customerReply" />' },
      ),
    );
  });
  afterAll(() => s.tearDown());

  it('a non-interrupting repeating boundary timer fires R3 times while the task stays open', async () => {
    // given
    const { id } = await s.start('reminders', {});
    // when three hours and then one more pass
    for (let i = 0; i < 4; i++) await s.advance(1 * HOUR);
    // then
    const view = await s.instance(id);
    expect(view.history.filter((h) => h.type === 'timer.fired')).toHaveLength(3);
    expect(view.history.filter((h) => h.type === 'customer.notified')).toHaveLength(3);
    expect(s.openTasks(view)).toEqual(['Work']);
    expect(view.timers).toEqual([]);
    // and completing the task ends the process
    expect((await s.complete(id, 'Work')).status).toBe('completed');
  });

  it('a repeating timer stops when its task completes early', async () => {
    const { id } = await s.start('reminders', {});
    await s.advance(1 * HOUR);
    const done = await s.complete(id, 'Work');
    await s.advance(5 * HOUR);
    const view = await s.instance(id);
    expect(done.timers).toEqual([]);
    expect(view.history.filter((h) => h.type === 'timer.fired')).toHaveLength(1);
  });

  // bpmn-engine compares dates with the real clock (a date before the real now fires at once), so these use 2040.
  it('a date without a zone is read in the configured zone (Asia/Shanghai)', async () => {
    // given the clock at 2040-01-05T01:00Z = 09:00 in Shanghai
    s.clock.set('2040-01-05T01:00:00Z');
    const { id } = await s.start('until-date', { visitAt: '2040-01-05T18:00:00' });
    const view = await s.instance(id);
    // then 18:00 Shanghai = 10:00Z
    expect(view.timers[0].dueAt).toBe('2040-01-05T10:00:00.000Z');
    await s.advance(8 * HOUR + 59 * MINUTE);
    expect((await s.instance(id)).activeActivityIds).toEqual(['Until']);
    await s.advance(1 * MINUTE);
    expect(s.openTasks(await s.instance(id))).toEqual(['Work']);
  });

  it('a date with an offset is taken as given, and a past date fires at once', async () => {
    const later = await s.start('until-date', { visitAt: '2040-02-01T09:00:00+01:00' });
    expect((await s.instance(later.id)).timers[0].dueAt).toBe('2040-02-01T08:00:00.000Z');
    const past = await s.start('until-date', { visitAt: '2020-01-01T00:00:00Z' });
    expect(s.openTasks(past)).toEqual(['Work']);
  });

  it('a timer longer than 24.8 days (setTimeout’s limit) is kept and fires on time', async () => {
    const { id } = await s.start('forty-days', {});
    expect(new Date((await s.instance(id)).timers[0].dueAt).getTime() - s.clock.now().getTime()).toBe(40 * DAY);
    await s.advance(39 * DAY);
    expect((await s.instance(id)).activeActivityIds).toEqual(['Wait']);
    await s.advance(1 * DAY);
    expect(s.openTasks(await s.instance(id))).toEqual(['Work']);
  });

  it('event-based gateway: the message wins and the timer is withdrawn', async () => {
    const { id } = await s.start('race', {}, 'RACE-MSG');
    const waiting = await s.instance(id);
    expect(waiting.activeActivityIds.sort()).toEqual(['Race', 'Reply', 'Timeout']); // the gateway waits with its events
    await s.message('customerReply', 'RACE-MSG');
    const done = await s.instance(id);
    expect(done).toMatchObject({ status: 'completed', endActivityId: 'Answered', timers: [] });
    await s.advance(48 * HOUR);
    expect((await s.instance(id)).history.filter((h) => h.type === 'timer.fired')).toHaveLength(0);
  });

  it('event-based gateway: the timer wins and the message is no longer awaited', async () => {
    const { id } = await s.start('race', {}, 'RACE-TIMER');
    await s.advance(48 * HOUR);
    const view = await s.instance(id);
    expect(s.openTasks(view)).toEqual(['Chase']);
    await s.t.http.post('/api/messages').send({ messageName: 'customerReply', businessKey: 'RACE-TIMER' }).expect(404);
  });

  describe('timer start events', () => {
    const started = async (key: string) => (await s.t.http.get(`/api/process-instances?definitionKey=${key}`).expect(200)).body.total;
    const startProcess = (id: string, kind: string, value: string, name = 'Work') =>
      bpmn(`<bpmn:startEvent id="Tick" name="Tick">${timer(kind, value)}</bpmn:startEvent>${flow('F1', 'Tick', 'Work')}<bpmn:userTask id="Work" name="${name}" camunda:candidateGroups="agent" />${flow('F2', 'Work', 'End')}<bpmn:endEvent id="End" name="End" />`, { id });

    it('an R3/PT1H cycle starts three instances, one an hour', async () => {
      // given
      await s.t.http.post('/api/definitions').send({ xml: startProcess('hourly', 'timeCycle', 'R3/PT1H') }).expect(201);
      // when
      await s.advance(59 * MINUTE);
      expect(await started('hourly')).toBe(0);
      await s.advance(1 * MINUTE);
      expect(await started('hourly')).toBe(1);
      for (let i = 0; i < 4; i++) await s.advance(1 * HOUR);
      // then
      expect(await started('hourly')).toBe(3);
      const list = (await s.t.http.get('/api/process-instances?definitionKey=hourly').expect(200)).body.items;
      expect(s.openTasks(await s.instance(list[0].id))).toEqual(['Work']);
    });

    it('a cron cycle starts on weekdays at 09:00 in the configured zone; a new version replaces the schedule', async () => {
      // given Friday 2040-01-06 10:00 in Shanghai
      s.clock.set('2040-01-06T02:00:00Z');
      const v1 = (await s.t.http.post('/api/definitions').send({ xml: startProcess('weekday-report', 'timeCycle', '0 0 9 * * 1-5') }).expect(201)).body;
      // when the weekend passes
      await s.advance(2 * DAY + 22 * HOUR + 59 * MINUTE); // Monday 08:59
      expect(await started('weekday-report')).toBe(0);
      await s.advance(1 * MINUTE); // Monday 09:00
      expect(await started('weekday-report')).toBe(1);
      // then a new version with another schedule takes over
      const v2 = (await s.t.http.post('/api/definitions').send({ xml: startProcess('weekday-report', 'timeCycle', '0 30 17 * * 1-5', 'Evening work') }).expect(201)).body;
      await s.advance(9 * HOUR); // Monday 18:00
      const list = (await s.t.http.get('/api/process-instances?definitionKey=weekday-report').expect(200)).body.items;
      expect(list.map((i: { definitionVersion: number }) => i.definitionVersion).sort()).toEqual([v1.version, v2.version]);
    });

    it('a timer start event that fell due long ago fires once, then keeps its cadence from now', async () => {
      await s.t.http.post('/api/definitions').send({ xml: startProcess('every-2h', 'timeCycle', 'R/PT2H') }).expect(201);
      await s.advance(10 * HOUR); // five occurrences missed while "down"
      expect(await started('every-2h')).toBe(1);
      await s.advance(2 * HOUR);
      expect(await started('every-2h')).toBe(2);
    });

    it('refuses cron outside start events and invalid cron at deploy', async () => {
      const boundaryCron = bpmn(
        `<bpmn:startEvent id="Start" name="Start" />${flow('F1', 'Start', 'Work')}${task('Work')}${flow('F2', 'Work', 'End')}<bpmn:endEvent id="End" name="End" />
        <bpmn:boundaryEvent id="Nag" name="Nag" attachedToRef="Work" cancelActivity="false">${timer('timeCycle', '0 0 9 * * *')}</bpmn:boundaryEvent>${flow('F3', 'Nag', 'End2')}<bpmn:endEvent id="End2" name="End 2" />`,
        { id: 'cron-boundary' },
      );
      const res = await s.t.http.post('/api/definitions').send({ xml: boundaryCron }).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Nag', message: expect.stringMatching(/cron is supported on timer start events only/) })]));
      const bad = await s.t.http.post('/api/definitions').send({ xml: startProcess('bad-cron', 'timeCycle', '0 0 25 * * 1-5') }).expect(400);
      expect(bad.body.details[0]).toMatchObject({ elementId: 'Tick', message: expect.stringMatching(/cron/) });
    });
  });
});
