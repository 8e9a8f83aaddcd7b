// The live stream for analysts (issue 18): an analyst may ask for its own role, to see its simulation runs' progress
// (events restricted to 'analyst'); other roles may not ask for it, and process roles do not see those events.
import { DataSource } from 'typeorm';
import { OutboxRepository } from '../../src/notifications/outbox.repository';
import { startTestApp, type TestApp } from '../support/app';
import { listenLocally } from '../support/replica';
import { SseClient } from '../support/sse-client';

describe('live stream: the analyst role', () => {
  const streams: SseClient[] = [];
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_POLL_MS: '0', EVENTS_HEARTBEAT_MS: '300' } });
    base = await listenLocally(t.app);
  });
  afterAll(async () => {
    await t?.close();
    streams.forEach((s) => s.close());
  });

  const open = async (query: string, token: string) => {
    const stream = await SseClient.open(`${base}/api/events${query}`, { authorization: `Bearer ${token}` });
    streams.push(stream);
    return stream;
  };
  const progress = (simulationId: string) =>
    t.app.get(DataSource).transaction((em) =>
      t.app.get(OutboxRepository).append(em, [{ instanceId: null, type: 'simulation.progress', roles: ['analyst'], payload: { simulationId, progress: 0.5, status: 'running' }, at: new Date() }]),
    );

  it("sends an analyst the events meant for analysts, such as a simulation's progress", async () => {
    // given an analyst and a supervisor on the stream
    const analyst = await open('?roles=analyst&types=simulation.progress', (await t.as('ana', ['analyst'])).token);
    const supervisor = await open('?roles=supervisor&types=simulation.progress', (await t.as('sup', ['supervisor'])).token);
    expect(analyst.status).toBe(200);
    expect(supervisor.status).toBe(200);
    // when a run reports progress
    await progress('sim-1');
    // then the analyst sees it, the supervisor does not
    const seen = await analyst.waitFor((m) => m.event === 'simulation.progress', 5000, 'simulation.progress for the analyst');
    expect(seen.data).toMatchObject({ simulationId: 'sim-1', progress: 0.5, status: 'running' });
    await new Promise((r) => setTimeout(r, 700));
    expect(supervisor.messages).toEqual([]);
  });

  it('refuses the analyst role to a user who does not hold it', async () => {
    const agent = await open('?roles=analyst', (await t.as('agent.one', ['agent'])).token);
    expect(agent.status).toBe(403);
  });
});
