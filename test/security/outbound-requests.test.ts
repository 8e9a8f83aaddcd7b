// Outbound requests only where allowed (issue 14, row 6): webhook URLs are checked after DNS resolution at
// registration and at every delivery (pinned to the checked address), OUTBOUND_ALLOW opens deliberate internal
// targets, and the delivery log keeps the status and a short reason that echoes nothing of the target.
import { FakeClock } from '../../src/common/clock';
import { OutboundGuard } from '../../src/common/outbound/outbound-guard';
import { OutboxReaderRepository } from '../../src/notifications/outbox-reader.repository';
import { WebhookDispatcher } from '../../src/notifications/webhooks/webhook-dispatcher';
import { WebhookFanout } from '../../src/notifications/webhooks/webhook-fanout';
import { simpleTaskProcess } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { withClient } from '../support/database';
import { closedPort, WebhookReceiver } from '../support/webhook-receiver';

describe('outbound requests', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  const receiver = new WebhookReceiver((path) => (path === '/fails' ? { status: 500, body: 'internal-secret-body: db password is hunter2' } : { status: 200 }));
  let t: TestApp;
  let port: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { WEBHOOK_POLL_MS: '0', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_MAX_ATTEMPTS: '1', OUTBOUND_ALLOW: '127.0.0.1' } });
    port = new URL(await receiver.start()).port;
    await t.http.post('/api/definitions').send({ xml: simpleTaskProcess('hooked') }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const event = async () => {
    await t.http.post('/api/process-instances').send({ definitionKey: 'hooked' }).expect(201);
    await t.app.get(OutboxReaderRepository).waitUntilReadable();
    await t.app.get(WebhookFanout).fanout();
    await t.app.get(WebhookDispatcher).deliverDue();
  };
  const lastDelivery = async (id: string) => (await t.http.get(`/api/webhooks/${id}/deliveries`).expect(200)).body.items[0];

  it('refuses internal and metadata targets at registration', async () => {
    for (const url of ['http://127.0.0.2:39111/x', 'http://[::1]/x', 'http://10.0.0.8/x', 'http://169.254.169.254/latest/meta-data', 'http://metadata.google.internal/x',
      'http://100.100.100.200/x', 'http://[fd00:ec2::254]/x', 'http://[::ffff:127.0.0.2]/x', 'http://0.0.0.0/x', 'http://192.168.1.1/x', 'http://[fe80::1]/x']) {
      const res = await t.http.post('/api/webhooks').send({ url });
      expect(`${url} ${res.status} ${res.body.message}`).toMatch(/ 400 .*blocked/);
    }
  });

  it('checks again at delivery: a target stored before (or rebound since) is not called', async () => {
    // given subscriptions to internal targets that got past registration (made before this check existed)
    const ids = ['http://127.0.0.2:' + port + '/x', 'http://169.254.169.254/latest'].map((url) => ({ id: crypto.randomUUID(), url }));
    await withClient(t.databaseUrl, async (c) => {
      for (const { id, url } of ids) await c.query(`INSERT INTO webhook_subscriptions (id, url, secret, event_types, description, active, created_at) VALUES ($1, $2, 'whsec_0123456789abcdef', '{}', null, true, $3)`, [id, url, clock.now()]);
    });
    // when
    clock.advance(1000);
    await event();
    // then
    for (const { id } of ids) expect(await lastDelivery(id)).toMatchObject({ status: 'failed', lastStatusCode: null, lastError: expect.stringMatching(/^blocked: .*(loopback|link-local)/) });
  });

  it('pins the request to the checked address, so a name rebound to an internal address is refused', async () => {
    // given a name that resolves to a public address at registration
    const guard = t.app.get(OutboundGuard);
    const answers: Record<string, string> = { 'rebind.example': '93.184.216.34', 'pinned.example': '127.0.0.1' };
    guard.resolver = async (host) => [{ address: answers[host] ?? '0.0.0.0', family: 4 }];
    const rebound = (await t.http.post('/api/webhooks').send({ url: `http://rebind.example:${port}/rebound` }).expect(201)).body;
    const pinned = (await t.http.post('/api/webhooks').send({ url: `http://pinned.example:${port}/pinned` }).expect(201)).body;
    receiver.secrets.set('/pinned', pinned.secret);
    // when the name points inside by delivery time
    answers['rebind.example'] = '127.0.0.2'; // 127.0.0.1 itself is allowed here (OUTBOUND_ALLOW)
    answers['pinned.example'] = '127.0.0.1';
    clock.advance(1000);
    await event();
    // then it is not called; the allowed name is called at the address it was checked at (real DNS knows no such name)
    expect(await lastDelivery(rebound.id)).toMatchObject({ status: 'failed', lastError: 'blocked: resolves to a loopback address' });
    expect(receiver.at('/rebound')).toEqual([]);
    expect(await lastDelivery(pinned.id)).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(receiver.at('/pinned')[0].validSignature).toBe(true);
  });

  it('keeps the status and a short reason in the delivery log, never the answer or the socket error', async () => {
    // given an allowed internal receiver that fails, and a closed port
    const fails = (await t.http.post('/api/webhooks').send({ url: `http://127.0.0.1:${port}/fails` }).expect(201)).body;
    const closed = (await t.http.post('/api/webhooks').send({ url: `http://127.0.0.1:${await closedPort()}/x` }).expect(201)).body;
    // when
    clock.advance(1000);
    await event();
    // then
    expect(await lastDelivery(fails.id)).toMatchObject({ status: 'failed', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(await lastDelivery(closed.id)).toMatchObject({ status: 'failed', lastStatusCode: null, lastError: 'unreachable' });
    const incidents = JSON.stringify((await t.http.get('/api/incidents').expect(200)).body);
    expect(incidents).not.toMatch(/hunter2|ECONNREFUSED/);
  });
});
