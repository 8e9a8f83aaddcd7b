// Two server processes on one database, 1,000 timers falling due together: each fires exactly once (effects counted
// in the database). The timers are armed a day ahead through the API, then their rows are moved to one instant a
// few seconds ahead — the state the database is in when time has passed — so arming speed does not matter here.
import { adminHeaders } from '../support/server-auth';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { ServerProcess, sleep } from '../support/server-process';
import { moveDueTimes, percentile, startTimerInstances, TIMER_PROCESS, timerEffects, waitFor } from '../support/timer-load';

const TIMERS = 1000;

describe('two replicas, one database', () => {
  let databaseUrl: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill9()));
    await dropTestDatabase(databaseUrl);
  });

  it(`fires ${TIMERS} timers due at the same instant exactly once`, async () => {
    // given two replicas polling every 100 ms
    servers.push(await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '100' }));
    servers.push(await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '100' }));
    const urls = servers.map((s) => s.baseUrl);
    const deployed = await fetch(`${urls[0]}/api/definitions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await adminHeaders(urls[0])) }, body: JSON.stringify({ xml: TIMER_PROCESS }) });
    expect(deployed.status).toBe(201);
    // when 1,000 timers are armed and all fall due at one instant
    const started = Date.now();
    await startTimerInstances(urls, TIMERS, new Date(Date.now() + 24 * 3600_000));
    const armingMs = Date.now() - started;
    const dueAt = new Date(Date.now() + 3_000);
    expect(await moveDueTimes(databaseUrl, dueAt)).toBe(TIMERS);
    await sleep(dueAt.getTime() - Date.now());
    await waitFor(async () => (await timerEffects(databaseUrl, dueAt)).pendingTimers === 0, 60_000);
    // then
    const effects = await timerEffects(databaseUrl, dueAt);
    expect(effects).toMatchObject({ exactlyOnce: TIMERS, duplicates: 0, missing: 0 });
    const lastMs = percentile(effects.latenessMs, 100);
    process.stdout.write(
      `two-replicas: ${TIMERS} timers armed in ${armingMs} ms; lateness p50 ${percentile(effects.latenessMs, 50)} ms, p99 ${percentile(effects.latenessMs, 99)} ms, max ${lastMs} ms ` +
        `(${Math.round((TIMERS / Math.max(1, lastMs)) * 1000)} timers/s over both replicas)\n`,
    );
  }, 180_000);
});
