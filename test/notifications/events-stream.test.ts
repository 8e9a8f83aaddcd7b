// Live events over SSE on a listening server: role filtering, latency, type filter, Last-Event-ID replay, replicas.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { FakeClock } from '../../src/common/clock';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { startTestApp, type TestApp } from '../support/app';
import { listenLocally, startReplica } from '../support/replica';
import { SseClient, type SseMessage } from '../support/sse-client';

const COMPLAINT = { channel: 'phone', customerName: 'A', customerContact: 'B', complaint: 'C', urgent: true };
// "Live": seconds, not the next page load. The relay polls every 100 ms; the margin is for a loaded 2-core CI machine.
const FAST_MS = 5000;

describe('live events (SSE)', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  const streams: SseClient[] = [];
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { WEBHOOK_POLL_MS: '0', EVENTS_HEARTBEAT_MS: '300' } });
    base = await listenLocally(t.app);
  });
  afterAll(async () => {
    await t?.close(); // ends the open streams; aborting them first would leave undici opening a spare socket
    streams.forEach((s) => s.close());
  });

  const open = async (query: string, headers: Record<string, string> = {}, at = base) => {
    const stream = await SseClient.open(`${at}/api/events${query}`, { authorization: `Bearer ${t.adminToken}`, ...headers });
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  };
  const startComplaint = async (): Promise<string> => (await t.http.post('/api/process-instances').send({ definitionKey: 'complaint-escalation', variables: COMPLAINT }).expect(201)).body.id;
  const completeTask = async (instanceId: string, activityId: string, variables: Record<string, unknown>) => {
    const { items } = (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body;
    const task = items.find((i: { activityId: string }) => i.activityId === activityId);
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables }).expect(200);
  };
  const of = (instanceId: string, type: string, activityId?: string) => (m: SseMessage) =>
    m.data.processInstanceId === instanceId && m.event === type && (activityId === undefined || m.data.activityId === activityId);
  const ofInstance = (s: SseClient, instanceId: string) => s.messages.filter((m) => m.data.processInstanceId === instanceId);
  /** What the outbox holds for the instance and a role may see, in the stream's order. */
  const visibleInOutbox = async (instanceId: string, role: string): Promise<string[]> =>
    (await t.app.get(DataSource).query(`SELECT id FROM outbox WHERE instance_id = $1 AND (roles = '{}' OR $2 = ANY(roles)) ORDER BY txid, id`, [instanceId, role])).map((r: { id: string }) => r.id);

  it('streams to each role what it may see, fast: agent-only task events never reach a supervisor', async () => {
    // given
    const supervisor = await open('?roles=supervisor');
    const agent = await open('?roles=agent');
    const agentCreatedOnly = await open('?roles=agent&types=task.created');
    // when a complaint is started
    let sent = Date.now();
    const id = await startComplaint();
    // then the agent sees its task and the supervisor the unrestricted acknowledgement, both within 2 s
    const registerTask = await agent.waitFor(of(id, 'task.created', 'Task_RegisterComplaint'), FAST_MS, 'task.created for the agent');
    expect(registerTask.receivedAt - sent).toBeLessThan(FAST_MS);
    expect(registerTask.data).toMatchObject({ businessKey: null, definitionKey: 'complaint-escalation', detail: { candidateRoles: ['agent'] } });
    expect(Number(registerTask.id)).toBeGreaterThan(0);
    await supervisor.waitFor(of(id, 'customer.notified'), FAST_MS, 'customer.notified for the supervisor');

    // when the agent registers it
    sent = Date.now();
    await completeTask(id, 'Task_RegisterComplaint', { category: 'attitude', urgent: true });
    // then
    const l1 = await agent.waitFor(of(id, 'task.created', 'Task_HandleL1'), FAST_MS, 'the L1 task');
    expect(l1.receivedAt - sent).toBeLessThan(FAST_MS);
    await agent.waitFor(of(id, 'task.completed', 'Task_RegisterComplaint'));

    // when the 15 min response commitment passes, the complaint goes to the supervisor
    clock.advance(15 * 60_000);
    sent = Date.now();
    await t.app.get(TimerFiringService).fireDue();
    // then the supervisor sees the escalation and its own task; the agent sees its task cancelled, not the escalation
    const escalated = await supervisor.waitFor(of(id, 'complaint.escalated'), FAST_MS, 'the escalation');
    expect(escalated.receivedAt - sent).toBeLessThan(FAST_MS);
    expect(escalated.data.detail).toEqual({ level: 2, role: 'supervisor' });
    await supervisor.waitFor(of(id, 'task.created', 'Task_HandleL2'));
    await agent.waitFor(of(id, 'task.cancelled', 'Task_HandleL1'));

    // and each stream got exactly what the outbox holds for its role, in order; no agent task event reached the supervisor
    expect(ofInstance(supervisor, id).map((m) => m.id)).toEqual(await visibleInOutbox(id, 'supervisor'));
    expect(ofInstance(agent, id).map((m) => m.id)).toEqual(await visibleInOutbox(id, 'agent'));
    const supervisorTaskEvents = ofInstance(supervisor, id).filter((m) => m.event.startsWith('task.'));
    expect(supervisorTaskEvents.map((m) => `${m.event} ${m.data.activityId}`)).toEqual(['task.created Task_HandleL2']);
    expect(ofInstance(agent, id).map((m) => m.event)).not.toContain('complaint.escalated');
    expect(ofInstance(agent, id).map((m) => m.event)).toContain('customer.notified');
    expect(ofInstance(agentCreatedOnly, id).map((m) => m.data.activityId)).toEqual(['Task_RegisterComplaint', 'Task_HandleL1']);
    expect(ofInstance(agentCreatedOnly, id).every((m) => m.event === 'task.created')).toBe(true);
  });

  it('replays what a client missed after Last-Event-ID (or ?since=), then goes on live', async () => {
    // given an agent that saw the first event of an instance, and events it did not see (its connection dropped)
    const first = await open('?roles=agent');
    const id = await startComplaint();
    const seen = await first.waitFor(of(id, 'task.created', 'Task_RegisterComplaint'));
    await completeTask(id, 'Task_RegisterComplaint', { category: 'service', urgent: false });
    const missed = (await visibleInOutbox(id, 'agent')).filter((eventId) => BigInt(eventId) > BigInt(seen.id!));
    expect(missed.length).toBeGreaterThanOrEqual(2);
    // when it reconnects with Last-Event-ID, as EventSource does
    const resumed = await open('?roles=agent', { 'Last-Event-ID': seen.id! });
    // then it gets exactly the missed events, in order, before anything else
    await resumed.waitFor((m) => m.id === missed[missed.length - 1], FAST_MS, 'the last missed event');
    expect(resumed.messages.map((m) => m.id)).toEqual(missed);
    // and live events follow
    await t.http.delete(`/api/process-instances/${id}`).send({ reason: 'duplicate' }).expect(200);
    await resumed.waitFor(of(id, 'instance.cancelled'), FAST_MS, 'the cancellation');
    expect(resumed.messages.filter((m) => m.id === seen.id)).toEqual([]);

    // when a client asks with ?since=0 for one type only
    const sinceStart = await open('?roles=manager&types=instance.cancelled&since=0');
    // then it gets every such event so far, and nothing else
    await sinceStart.waitFor(of(id, 'instance.cancelled'));
    expect(sinceStart.messages.every((m) => m.event === 'instance.cancelled')).toBe(true);
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    // given (EVENTS_HEARTBEAT_MS is 300 in this file)
    const idle = await open('?roles=technician&types=nothing.ever');
    // when
    await new Promise((r) => setTimeout(r, 800));
    // then
    expect(idle.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(idle.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(idle.messages).toEqual([]);
  });

  it('refuses unknown roles, malformed types and a malformed Last-Event-ID with 400', async () => {
    const bad = await t.http.get('/api/events').query({ roles: 'agent,hacker' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/roles must be among agent, technician, supervisor, manager/);
    await t.http.get('/api/events').query({ roles: 'agent', types: 'Task Created' }).expect(400);
    await t.http.get('/api/events').query({ since: '-1' }).expect(400);
    await t.http.get('/api/events').query({ roles: 'agent' }).set('Last-Event-ID', 'abc').expect(400);
  });

  describe('with two replicas', () => {
    let replica: NestExpressApplication;
    beforeAll(async () => {
      replica = await startReplica(t, { clock, env: { WEBHOOK_POLL_MS: '0' } });
    });
    afterAll(() => replica?.close());

    it('a client of one replica sees events committed through the other', async () => {
      // given a supervisor connected to the second replica
      const other = await open('?roles=supervisor', {}, await listenLocally(replica));
      // when a command runs on the first one
      const sent = Date.now();
      const id = await startComplaint();
      // then
      const notified = await other.waitFor(of(id, 'customer.notified'), FAST_MS, 'the event from the other replica');
      expect(notified.receivedAt - sent).toBeLessThan(FAST_MS);
    });
  });
});
