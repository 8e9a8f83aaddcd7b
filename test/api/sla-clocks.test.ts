// GET /api/sla/clocks: SLA clocks across instances (the board's "near breach" list), filtered, paged and validated.
import { HOUR, MINUTE, Scenario } from '../support/scenario';

interface ClockItem { id: string; businessKey: string; definitionKey: string; taskName: string | null; policy: string; scope: string; status: string; breached: boolean; dueAt: string | null; percentUsed: number; asOf: string; processInstanceId: string }

describe('SLA clocks API', () => {
  const s = new Scenario();
  const clocks = async (query: string) => (await s.t.http.get(`/api/sla/clocks?${query}`).expect(200)).body as { items: ClockItem[]; total: number; limit: number; offset: number };
  const keys = (items: ClockItem[]) => items.map((c) => c.businessKey);

  beforeAll(async () => {
    await s.setUp();
    // bpmn-engine checks timer dates against the real clock on resume: keep the fake clock in the future.
    // 10:00 on a Wednesday in Shanghai: the complaint policy counts service-desk hours.
    s.clock.set('2040-06-06T02:00:00Z');
    for (const [key, urgent] of [['CLK-URGENT', true], ['CLK-NORMAL', false]] as const) {
      const { id } = await s.start('complaint-escalation', { channel: 'phone', customerName: 'Qian', customerContact: '136', complaint: 'late', urgent }, key);
      await s.complete(id, 'Task_RegisterComplaint', { category: 'service', urgent });
    }
    await s.start('service-request', { channel: 'web', customerName: 'Wu', customerContact: '139', deviceModel: 'TV', faultDescription: 'no picture', inWarranty: true, region: 'Beijing' }, 'CLK-REPAIR');
  });
  afterAll(() => s.tearDown());

  it('lists running clocks soonest due first, with the request, the task and the live state', async () => {
    // when
    const page = await clocks('status=running');
    // then
    expect(page).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(keys(page.items)).toEqual(['CLK-URGENT', 'CLK-NORMAL', 'CLK-REPAIR']);
    expect(page.items[0]).toMatchObject({
      definitionKey: 'complaint-escalation',
      taskName: 'Handle complaint – L1 agent',
      policy: 'complaint-first-response',
      scope: 'task',
      status: 'running',
      breached: false,
      percentUsed: 0,
      dueAt: '2040-06-06T02:15:00.000Z',
      asOf: '2040-06-06T02:00:00.000Z',
    });
    expect(page.items[2]).toMatchObject({ definitionKey: 'service-request', taskName: null, scope: 'process', policy: 'repair-resolution' });
    // beside the clock, the request's next escalation timer in wall and working time (the board shows both)
    expect((page.items[0] as unknown as { nextTimer: unknown }).nextTimer).toMatchObject({ activityId: 'Timer_L1', name: 'L1 time limit', names: { 'zh-CN': 'L1 时限' }, dueAt: '2040-06-06T02:15:00.000Z', workingLeftMs: 15 * MINUTE, paused: false, calendar: { id: 'service-desk' } });
  });

  it('filters by due time (absolute or relative to the server clock), policy and instance', async () => {
    // when / then
    expect(keys((await clocks('dueWithin=PT20M')).items)).toEqual(['CLK-URGENT']);
    expect(keys((await clocks(`dueBefore=${encodeURIComponent('2040-06-06T03:00:00Z')}`)).items)).toEqual(['CLK-URGENT', 'CLK-NORMAL']);
    expect(keys((await clocks('dueBefore=2040-06-06T03:00:00Z&dueWithin=PT10M')).items)).toEqual([]);
    expect(keys((await clocks('policy=repair-resolution')).items)).toEqual(['CLK-REPAIR']);
    const urgent = (await clocks('dueWithin=PT20M')).items[0];
    expect(keys((await clocks(`processInstanceId=${urgent.processInstanceId}`)).items)).toEqual(['CLK-URGENT']);
  });

  it('pages with limit and offset and reports the total', async () => {
    // when
    const page = await clocks('status=open&limit=1&offset=1');
    // then
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(keys(page.items)).toEqual(['CLK-NORMAL']);
  });

  it('the task list carries each task\'s business key and SLA clocks (task and process level)', async () => {
    // when
    const tasks = (await s.t.http.get('/api/tasks?candidateRole=agent&status=open').expect(200)).body.items as { activityId: string; businessKey: string; definitionKey: string; sla: ClockItem[] }[];
    // then
    const l1 = tasks.find((t) => t.businessKey === 'CLK-URGENT')!;
    expect(l1).toMatchObject({ activityId: 'Task_HandleL1', definitionKey: 'complaint-escalation' });
    expect(l1.sla).toEqual([expect.objectContaining({ scope: 'task', policy: 'complaint-first-response', dueAt: '2040-06-06T02:15:00.000Z' })]);
    const record = tasks.find((t) => t.businessKey === 'CLK-REPAIR')!;
    expect(record.sla).toEqual([expect.objectContaining({ scope: 'process', policy: 'repair-resolution' })]);
  });

  it('shows a breach: breached=true finds it, breached=false no longer does', async () => {
    // given the urgent complaint's 15 minutes pass (its L1 timer escalates it at the same moment)
    await s.advance(15 * MINUTE);
    // when
    const breached = await clocks('breached=true');
    // then
    expect(keys(breached.items)).toEqual(['CLK-URGENT']);
    expect(breached.items[0]).toMatchObject({ breached: true, status: 'missed', percentUsed: 100 });
    expect(keys((await clocks('breached=false&status=running')).items)).toEqual(['CLK-NORMAL', 'CLK-REPAIR']);
    expect(keys((await clocks('status=missed')).items)).toEqual(['CLK-URGENT']);
    // and an hour later the normal one is breached too
    await s.advance(HOUR);
    expect(keys((await clocks('breached=true')).items).sort()).toEqual(['CLK-NORMAL', 'CLK-URGENT']);
    // and the escalations they caused name their request
    const escalations = (await s.t.http.get('/api/escalations?status=open').expect(200)).body.items;
    expect(escalations.map((e: { businessKey: string }) => e.businessKey).sort()).toEqual(['CLK-NORMAL', 'CLK-URGENT']);
  });

  it.each([
    ['status=late', /status must be one of/],
    ['breached=maybe', /breached must be true or false/],
    ['dueBefore=tomorrow', /dueBefore must be an ISO 8601 date-time/],
    ['dueWithin=4h', /dueWithin must be an ISO 8601 duration/],
    ['limit=500', /limit must be a whole number from 1 to 200/],
    ['offset=-1', /offset must be a whole number from 0 to/],
    ['processInstanceId=42', /processInstanceId must be a UUID/],
  ])('refuses %s with 400 and says why', async (query, message) => {
    // when
    const res = await s.t.http.get(`/api/sla/clocks?${query}`);
    // then
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });
});
