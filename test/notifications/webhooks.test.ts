// Webhooks end to end: subscriptions API, fan-out from the outbox, signed delivery to a real local receiver, retries
// with backoff on a fake clock, giving up, deactivation, and exactly-once sending with two replicas.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FakeClock } from '../../src/common/clock';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { WebhookDeliveryRepository } from '../../src/notifications/webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from '../../src/notifications/webhooks/webhook-dispatcher';
import { WebhookFanout } from '../../src/notifications/webhooks/webhook-fanout';
import { simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { startReplica } from '../support/replica';
import { closedPort, WebhookReceiver } from '../support/webhook-receiver';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// The local receiver is a deliberate internal target (OUTBOUND_ALLOW); anything else internal is refused.
// The receiver runs in the test's own process: on a loaded machine its 30 ms answer has taken over 2 s to come back,
// and a timed-out delivery is (rightly) a failed attempt. No test here is about the timeout itself.
const ENV = { WEBHOOK_POLL_MS: '0', WEBHOOK_TIMEOUT_MS: '10000', OUTBOUND_ALLOW: '127.0.0.1' };

type Delivery = { id: number; eventId: number; eventType: string; status: string; attempts: number; nextAttemptAt: string | null; lastStatusCode: number | null; lastError: string | null; deliveredAt: string | null };

describe('webhooks', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  const receiver = new WebhookReceiver((path, n) => {
    if (path === '/flaky') return n <= 2 ? { status: 500, body: 'boom' } : { status: 200 };
    if (path === '/down') return { status: 503, body: 'down for maintenance' };
    if (path === '/slow') return { status: 204, delayMs: 30 };
    return { status: 200, body: 'ok' };
  });
  let t: TestApp;
  let hooks: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: ENV });
    hooks = await receiver.start();
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('hooked') }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const subscribe = async (path: string, extra: Record<string, unknown> = {}) => {
    const { body } = await t.http.post('/api/webhooks').send({ url: `${hooks}${path}`, ...extra }).expect(201);
    receiver.secrets.set(path, body.secret);
    return body as { id: string; secret: string; eventTypes: string[]; active: boolean };
  };
  /** Starts the one-task process and completes its task: task.created, task.completed, process.completed. */
  const runProcess = async (): Promise<string> => {
    const { id } = (await t.http.post('/api/process-instances').send({ definitionKey: 'hooked' }).expect(201)).body;
    const [task] = (await t.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;
    await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { done: true } }).expect(200);
    return id;
  };
  const deliveries = async (subscriptionId: string, query: Record<string, string> = {}): Promise<Delivery[]> =>
    (await t.http.get(`/api/webhooks/${subscriptionId}/deliveries`).query(query).expect(200)).body.items;
  /** Fans out everything committed so far (rows are readable once older running transactions anywhere have ended). */
  const fanout = async (app: NestExpressApplication = t.app) => {
    expect(await app.get(OutboxReaderRepository).waitUntilReadable()).toBe(true);
    return app.get(WebhookFanout).fanout();
  };
  const deliverDue = () => t.app.get(WebhookDispatcher).deliverDue();
  const forInstance = (path: string, instanceId: string) => receiver.at(path).filter((r) => r.body.payload.processInstanceId === instanceId);

  it('delivers every event after the subscription was made, signed with its secret, exactly once', async () => {
    // given an instance that ran before the subscription existed, then a subscription to everything
    const before = await runProcess();
    clock.advance(SECOND);
    const sub = await subscribe('/all', { description: 'CRM sync' });
    expect(sub).toMatchObject({ eventTypes: [], active: true, secret: expect.stringMatching(/^whsec_/) });
    // when an instance runs, and the relay fans out and sends
    const id = await runProcess();
    await fanout();
    await deliverDue();
    // then the receiver got its three events, signed, with the delivery headers
    const got = forInstance('/all', id);
    expect(got.map((r) => r.event).sort()).toEqual(['process.completed', 'task.completed', 'task.created']);
    expect(got.every((r) => r.validSignature)).toBe(true);
    expect(got.every((r) => r.body.type === r.event && r.timestamp === String(clock.now().getTime() / 1000))).toBe(true);
    expect(got.find((r) => r.event === 'process.completed')?.body.payload).toMatchObject({ processInstanceId: id, definitionKey: 'hooked', type: 'process.completed' });
    expect(forInstance('/all', before)).toEqual([]);
    const log = await deliveries(sub.id);
    expect(log.map((d) => String(d.id)).sort()).toEqual(got.map((r) => r.deliveryId).sort());
    expect(log.map((d) => d.eventId).sort()).toEqual(got.map((r) => r.body.id).sort());
    expect(log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatusCode === 200 && d.deliveredAt && d.nextAttemptAt === null)).toBe(true);
    // and nothing is sent twice
    await fanout();
    await deliverDue();
    expect(forInstance('/all', id)).toHaveLength(3);
    // the secret is shown only once
    const shown = (await t.http.get(`/api/webhooks/${sub.id}`).expect(200)).body;
    expect(shown).toMatchObject({ id: sub.id, url: `${hooks}/all`, description: 'CRM sync', active: true });
    expect(shown.secret).toBeUndefined();
    expect((await t.http.get('/api/webhooks').expect(200)).body.items.every((s: object) => !('secret' in s))).toBe(true);
  });

  it('sends only the subscribed event types, signed with a secret of your own', async () => {
    // given
    const sub = await subscribe('/completed', { eventTypes: ['process.completed'], secret: 'my-own-secret-0123456789' });
    // when
    const id = await runProcess();
    await fanout();
    await deliverDue();
    // then
    expect(forInstance('/completed', id).map((r) => [r.event, r.validSignature])).toEqual([['process.completed', true]]);
    expect((await deliveries(sub.id)).map((d) => d.eventType)).toEqual(['process.completed']);
  });

  it('retries a failing receiver with backoff: 500, 500, then 200 → delivered after 3 attempts', async () => {
    // given a receiver that fails twice
    const sub = await subscribe('/flaky', { eventTypes: ['process.completed'] });
    const id = await runProcess();
    await fanout();
    // when the first attempt fails
    await deliverDue();
    // then it is pending, due again in 5 s
    let [delivery] = await deliveries(sub.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(Date.parse(delivery.nextAttemptAt!) - clock.now().getTime()).toBe(5 * SECOND);
    // and it is not sent again before then
    clock.advance(4 * SECOND);
    await deliverDue();
    expect(forInstance('/flaky', id)).toHaveLength(1);
    // when 5 s have passed the second attempt fails too, and the third comes 30 s later
    clock.advance(1 * SECOND);
    await deliverDue();
    [delivery] = await deliveries(sub.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Date.parse(delivery.nextAttemptAt!) - clock.now().getTime()).toBe(30 * SECOND);
    clock.advance(30 * SECOND);
    await deliverDue();
    // then
    [delivery] = await deliveries(sub.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, deliveredAt: clock.now().toISOString() });
    const attempts = forInstance('/flaky', id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.deliveryId))).toEqual(new Set([String(delivery.id)])); // the same delivery id: an idempotency key
    expect(attempts.every((r) => r.validSignature)).toBe(true);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS (8): failed, with the last status and error in the delivery log', async () => {
    // given a receiver that is always down, and one that refuses connections
    const down = await subscribe('/down', { eventTypes: ['process.completed'] });
    const refused = (await t.http.post('/api/webhooks').send({ url: `http://127.0.0.1:${await closedPort()}/hook`, eventTypes: ['process.completed'] }).expect(201)).body;
    const id = await runProcess();
    await fanout();
    // when every attempt is made as soon as it is due
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await deliverDue();
      const [d] = await deliveries(down.id);
      if (d.nextAttemptAt) waits.push(Date.parse(d.nextAttemptAt) - clock.now().getTime());
      clock.advance(waits[waits.length - 1] ?? 0);
    }
    await deliverDue();
    // then the waits grew 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h and the 8th failure was final
    expect(waits).toEqual([5 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR]);
    expect(forInstance('/down', id)).toHaveLength(8);
    const [failed] = await deliveries(down.id, { status: 'failed' });
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null, deliveredAt: null });
    expect(await deliveries(down.id, { status: 'pending' })).toEqual([]);
    const [unreachable] = await deliveries(refused.id);
    expect(unreachable).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: null, lastError: 'unreachable' });
    // and each final failure is an open incident on the instance, for supervisors
    const incidents = (await t.http.get('/api/incidents').query({ processInstanceId: id }).expect(200)).body.items;
    expect(incidents).toHaveLength(2);
    const downIncident = incidents.find((i: { error: string }) => i.error.includes('HTTP 503'));
    expect(downIncident).toMatchObject({ activityId: 'webhook', status: 'open', attempts: 8, error: expect.stringMatching(/webhook process.completed to .*\/down failed 8 times: HTTP 503/) });
    // a person retries one (its delivery is queued again) and resolves the other
    await t.http.post(`/api/incidents/${downIncident.id}/retry`).expect(200);
    expect((await deliveries(down.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    const other = incidents.find((i: { id: string }) => i.id !== downIncident.id);
    const resolved = await t.http.post(`/api/incidents/${other.id}/resolve`).send({ note: 'CRM re-synced by hand' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'resolved by hand: CRM re-synced by hand' });
    expect((await deliveries(refused.id))[0].status).toBe('failed');
  });

  it('a delivery whose sender died mid-send is not sent by anyone else until its 30 s lease ends, then retried', async () => {
    // given a delivery taken by a sender that then died (claimed, never recorded)
    const sub = await subscribe('/orphan', { eventTypes: ['process.completed'] });
    const id = await runProcess();
    await fanout();
    const claimed = await t.app.get(WebhookDeliveryRepository).claimDue(clock.now(), new Date(clock.now().getTime() + 30 * SECOND), 8, 100);
    expect(claimed.find((d) => d.url.endsWith('/orphan'))).toMatchObject({ eventType: 'process.completed', attempts: 1 });
    // when other senders look before the lease ends
    clock.advance(29 * SECOND);
    await deliverDue();
    // then they leave it alone
    expect(forInstance('/orphan', id)).toEqual([]);
    // when the lease has ended
    clock.advance(1 * SECOND);
    await deliverDue();
    // then it is sent, as its second attempt
    expect(forInstance('/orphan', id)).toHaveLength(1);
    expect(await deliveries(sub.id)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2 })]);
  });

  it('deactivation stops deliveries: pending ones fail, later events are not fanned out', async () => {
    // given a subscription with a pending delivery
    const sub = await subscribe('/retired', { eventTypes: ['process.completed'] });
    await runProcess();
    await fanout();
    // when
    const res = await t.http.delete(`/api/webhooks/${sub.id}`).expect(200);
    await runProcess();
    await fanout();
    await deliverDue();
    // then
    expect(res.body).toMatchObject({ id: sub.id, active: false });
    expect(await deliveries(sub.id)).toEqual([expect.objectContaining({ status: 'failed', attempts: 0, lastError: 'subscription deactivated' })]);
    expect(receiver.at('/retired')).toEqual([]);
    await t.http.delete(`/api/webhooks/${sub.id}`).expect(200);
  });

  it('validates subscriptions (400) and answers 404 for an unknown one', async () => {
    for (const url of ['ftp://example.com/hook', 'example.com/hook', 'javascript:alert(1)', 'http://', 'not a url']) {
      const res = await t.http.post('/api/webhooks').send({ url }).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/http:\/\/ or https:\/\//);
    }
    await t.http.post('/api/webhooks').send({ url: `${hooks}/x`, eventTypes: ['Task Created'] }).expect(400);
    await t.http.post('/api/webhooks').send({ url: `${hooks}/x`, secret: 'short' }).expect(400);
    await t.http.post('/api/webhooks').send({ url: `${hooks}/x`, extra: true }).expect(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await t.http.get(`/api/webhooks/${unknown}`).expect(404);
    expect(missing.body.message).toMatch(/Webhook subscription .* was not found/);
    await t.http.get(`/api/webhooks/${unknown}/deliveries`).expect(404);
    await t.http.delete(`/api/webhooks/${unknown}`).expect(404);
    await t.http.get('/api/webhooks/not-a-uuid').expect(400);
    await t.http.get(`/api/webhooks/${unknown}/deliveries`).query({ status: 'lost' }).expect(400);
  });

  describe('with two replicas', () => {
    let replica: NestExpressApplication;
    beforeAll(async () => {
      replica = await startReplica(t, { clock, env: ENV });
    });
    afterAll(() => replica?.close());

    it('fans out and sends each event exactly once while both relay at the same time', async () => {
      // given
      const sub = await subscribe('/slow');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await runProcess());
      // when both replicas fan out and send concurrently
      const both = [t.app, replica];
      await Promise.all(both.flatMap((app) => [fanout(app), fanout(app)]));
      await Promise.all(both.map((app) => app.get(WebhookDispatcher).deliverDue()));
      // then every event of the five instances arrived once
      const got = receiver.at('/slow').filter((r) => ids.includes(r.body.payload.processInstanceId));
      expect(got).toHaveLength(15);
      expect(new Set(got.map((r) => r.deliveryId)).size).toBe(15);
      expect(new Set(got.map((r) => r.body.id)).size).toBe(15);
      const log = await deliveries(sub.id, { limit: '200' });
      expect(log).toHaveLength(15);
      expect(log.filter((d) => d.status !== 'delivered' || d.attempts !== 1)).toEqual([]); // shows the rows that were not
    });
  });
});
