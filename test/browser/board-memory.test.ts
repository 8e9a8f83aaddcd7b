// The board that remembers (issue 17, item 5) in real Chromium: after a reload the supervisor board still lists the
// last alerts (read from the server, not only the live stream), shows when each running escalation goes to the next
// level, and alerts acknowledged before stay acknowledged.
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { fillForm } from '../support/scenario';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const MINUTE = 60_000;

describe('board that remembers', () => {
  // bpmn-engine compares timer dates with the real clock on resume: a fake clock in the future keeps them waiting.
  const clock = new FakeClock('2040-06-05T01:00:00Z');
  let app: BrowserApp;
  let page: Page;
  let instanceId: string;

  beforeAll(async () => {
    app = await startBrowserApp({ clock, env: { DEPLOY_ON_BOOT: 'true' } });
    const variables = { channel: 'wechat', customerName: 'Qian Hui', customerContact: 'wx-qianhui', complaint: 'Technician was two hours late', urgent: true };
    instanceId = (await app.http.post('/api/process-instances').send({ definitionKey: 'complaint-escalation', businessKey: 'CMP-8001', variables }).expect(201)).body.id;
    const task = (await app.http.get(`/api/tasks?processInstanceId=${instanceId}&status=open`).expect(200)).body.items[0];
    await app.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, { category: 'attitude', urgent: true }) }).expect(200);
    // the L1 time limit runs out before the board is opened: escalated to level 2, whose own limit is now armed
    clock.advance(15 * MINUTE);
    await app.app.get(TimerFiringService).fireDue();
    page = await app.newPage({ locale: 'en', name: 'zhao.min', role: 'supervisor' });
  });
  afterAll(() => app.close());

  it('lists the alerts raised before it was opened, and again after a reload, with the next escalation time', async () => {
    // given the L2 time limit armed on the escalated task
    const timers: { activityId: string; dueAt: string }[] = (await app.http.get(`/api/process-instances/${instanceId}`).expect(200)).body.timers ?? [];
    const armed = (await app.http.get('/api/board/next-levels').expect(200)).body as Record<string, string>;
    expect(Object.values(armed)).toHaveLength(1);
    if (timers.length) expect(Object.values(armed)[0]).toBe(timers.find((t) => t.activityId === 'Timer_L2')?.dueAt);
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(Object.values(armed)[0]));
    for (const round of ['first visit', 'after a reload']) {
      // when
      if (round === 'first visit') await page.goto('/board');
      else await page.reload();
      // then
      await page.getByTestId('alert').filter({ hasText: 'Escalated to level 2' }).filter({ hasText: 'CMP-8001' }).waitFor();
      const card = page.getByTestId('escalation').filter({ hasText: 'CMP-8001' });
      await card.getByTestId('next-level').waitFor();
      expect({ round, text: await card.getByTestId('next-level').innerText() }).toEqual({ round, text: `Next level at ${expected}` });
    }
    await saveScreenshot(page, 'board-memory');
    expect(errorsOf(page)).toEqual([]);
  });

  it('keeps acknowledged alerts acknowledged on the server', async () => {
    // given
    const supervisor = await app.as('zhao.min', ['supervisor']);
    const before = (await supervisor.get('/api/board/alerts').expect(200)).body;
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((a: { acknowledged: boolean }) => !a.acknowledged)).toBe(true);
    // when
    await supervisor.post('/api/board/alerts/acknowledge').send({ upTo: before.items[0].id }).expect(200);
    await supervisor.post('/api/board/alerts/acknowledge').send({ upTo: '1' }).expect(200); // never moves back
    await supervisor.post('/api/board/alerts/acknowledge').send({ upTo: 'all' }).expect(400);
    // then
    const after = (await supervisor.get('/api/board/alerts').expect(200)).body;
    expect({ seenUpTo: after.seenUpTo, items: after.items.map((a: { id: string; acknowledged: boolean }) => [a.id, a.acknowledged]) }).toEqual({ seenUpTo: before.items[0].id, items: before.items.map((a: { id: string }) => [a.id, true]) });
    const other = await app.as('sun.li', ['supervisor']);
    expect((await other.get('/api/board/alerts').expect(200)).body.items.every((a: { acknowledged: boolean }) => !a.acknowledged)).toBe(true);
    const agent = await app.as('li.na', ['agent']);
    await agent.get('/api/board/alerts').expect(403);
  });
});
