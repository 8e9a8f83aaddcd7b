// Durable timers across crashes: timers that fall due while the server is down fire once when it is back, and a
// kill -9 in the middle of firing neither loses nor doubles a timer. Timers are armed a day ahead through the API;
// their rows are then moved into the past while the server is down, so the test does not depend on arming speed.
import { adminHeaders } from '../support/server-auth';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { ServerProcess } from '../support/server-process';
import { moveDueTimes, percentile, startTimerInstances, TIMER_PROCESS, timerEffects, waitFor } from '../support/timer-load';

const COUNT = 200;

describe('durable timers across kill -9', () => {
  let databaseUrl: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.kill9();
    await dropTestDatabase(databaseUrl);
  });

  it('timers due while the server was down fire exactly once after restart, also when killed mid-firing', async () => {
    // given 200 armed timers, and the server killed before they fall due
    server = await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '0' });
    const deployed = await fetch(`${server.baseUrl}/api/definitions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await adminHeaders(server.baseUrl)) }, body: JSON.stringify({ xml: TIMER_PROCESS }) });
    expect(deployed.status).toBe(201);
    await startTimerInstances([server.baseUrl], COUNT, new Date(Date.now() + 24 * 3600_000));
    await server.kill9();
    // while it is down they fall due (their rows are moved into the past: what the passing of time does)
    const dueAt = new Date(Date.now() - 1_000);
    await moveDueTimes(databaseUrl, dueAt);
    expect((await timerEffects(databaseUrl, dueAt)).pendingTimers).toBe(COUNT);

    // when it comes back (polling) and is killed again while firing
    server = await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '50' });
    await waitFor(async () => (await timerEffects(databaseUrl, dueAt)).exactlyOnce >= 20, 20_000);
    await server.kill9();
    const interrupted = await timerEffects(databaseUrl, dueAt);
    server = await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '50' });
    await waitFor(async () => (await timerEffects(databaseUrl, dueAt)).pendingTimers === 0, 30_000);

    // then every timer had its effect exactly once
    const effects = await timerEffects(databaseUrl, dueAt);
    expect(interrupted.pendingTimers).toBeGreaterThan(0); // the kill did interrupt the firing
    expect(effects).toMatchObject({ exactlyOnce: COUNT, duplicates: 0, missing: 0, pendingTimers: 0 });
    process.stdout.write(`timers-restart: ${COUNT} timers, fired after restart; lateness p50 ${percentile(effects.latenessMs, 50)} ms, max ${percentile(effects.latenessMs, 100)} ms (includes the planned downtime)\n`);
  }, 240_000); // three server starts and 200 instances: minutes on a loaded 2-core machine
});
