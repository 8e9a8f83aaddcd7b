// Data incidents of timers and messages in real Chromium (issue 17 item 3): a timer firing and a message delivery that
// fail on data are listed on the board, and a supervisor corrects the variable and retries from the instance viewer.
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { messageThenWaitXml, timerThenWaitXml } from '../support/event-data-processes';

describe('timer and message incidents on screen', () => {
  let app: BrowserApp;
  let supervisor: Page;
  const clock = new FakeClock(new Date());

  const start = async (definitionKey: string, businessKey: string, delay: string) =>
    (await app.http.post('/api/process-instances').send({ definitionKey, businessKey, variables: { delay } }).expect(201)).body.id as string;
  const activeOf = async (id: string) => (await app.http.get(`/api/process-instances/${id}`).expect(200)).body.activeActivityIds;

  /** The board lists the incident of `activityId`; its link opens the viewer, where the delay is corrected and retried. */
  async function fixFromBoard(activityId: string, delay: string) {
    await supervisor.goto('/board');
    const incident = supervisor.getByTestId('open-incident').filter({ hasText: activityId });
    await incident.waitFor();
    expect(await incident.innerText()).toMatch(/Timer_Wait: .*ISO 8601/);
    await saveScreenshot(supervisor, `board-incident-${activityId}`);
    await incident.getByRole('link').click();
    const retry = supervisor.getByTestId('incident-retry');
    await retry.waitFor();
    await retry.getByLabel('Variable').selectOption('delay');
    await retry.getByLabel('New value').fill(delay);
    await retry.getByRole('button', { name: 'Retry' }).click();
    await supervisor.getByTestId('incidents').getByText('resolved', { exact: true }).waitFor();
  }

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    await app.http.post('/api/definitions').send({ xml: timerThenWaitXml() }).expect(201);
    await app.http.post('/api/definitions').send({ xml: messageThenWaitXml() }).expect(201);
    supervisor = await app.newPage({ locale: 'en', name: 'zhou.min', role: 'supervisor' });
  });
  afterAll(() => app.close());

  it('shows a timer that fired into bad data as an incident, retried after the supervisor corrects the variable', async () => {
    // given a delay forced through the API, and the first timer falling due
    const id = await start('timer-then-wait', 'TMR-B1', 'two minutes');
    clock.advance(61_000);
    await app.app.get(TimerFiringService).fireDue(clock.now());
    // when / then
    await fixFromBoard('Timer_First', 'PT2M');
    expect(await activeOf(id)).toEqual(['Timer_Wait']);
    expect(errorsOf(supervisor)).toEqual([]);
  });

  it('shows a message that could not be delivered on bad data as an incident, retried with the correction', async () => {
    // given
    const id = await start('message-then-wait', 'MSG-B1', 'PT5M');
    await app.http.post('/api/messages').send({ messageName: 'goAhead', businessKey: 'MSG-B1', variables: { delay: 'soon' } }).expect(422);
    // when / then
    await fixFromBoard('Event_Go', 'PT10M');
    expect(await activeOf(id)).toEqual(['Timer_Wait']);
    expect((await app.http.get(`/api/process-instances/${id}`).expect(200)).body.variables.delay).toBe('PT10M');
    expect(errorsOf(supervisor)).toEqual([]);
  });
});
