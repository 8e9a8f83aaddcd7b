// The small items of issue 14, row 10: a client's X-Request-Id is taken as the correlation id only when it is safe;
// live streams per caller are capped (429 beyond). (The escalation actor: test/scenarios/escalations.test.ts.)
import { SseClient } from '../support/sse-client';
import { listenLocally } from '../support/replica';
import { startTestApp, type TestApp } from '../support/app';

describe('issue 14 row 10', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { EVENTS_MAX_STREAMS_PER_CALLER: '3' } });
    base = await listenLocally(t.app);
  });
  afterAll(() => t.close());

  it('keeps a tame X-Request-Id and replaces any other', async () => {
    const kept = await t.anon.get('/api/nothing-here').set('X-Request-Id', 'crm-42.abc_DEF').expect(404);
    expect(kept.headers['x-request-id']).toBe('crm-42.abc_DEF');
    expect(kept.body.correlationId).toBe('crm-42.abc_DEF');
    for (const bad of ['x'.repeat(65), 'a b', '<script>alert(1)</script>', 'id\u0085next', '../../etc']) {
      const res = await t.anon.get('/api/nothing-here').set('X-Request-Id', bad).expect(404);
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.correlationId).toBe(res.headers['x-request-id']);
    }
  });

  it('caps the live streams one caller holds open, with 429, and frees a slot when one closes', async () => {
    // given
    const agent = await t.as('stream.agent', ['agent']);
    const headers = { authorization: `Bearer ${agent.token}` };
    const open = [await SseClient.open(`${base}/api/events`, headers), await SseClient.open(`${base}/api/events`, headers), await SseClient.open(`${base}/api/events`, headers)];
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    // when
    const fourth = await SseClient.open(`${base}/api/events`, headers);
    // then
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    fourth.close();
    const other = await SseClient.open(`${base}/api/events`, { authorization: `Bearer ${t.adminToken}` });
    expect(other.status).toBe(200);
    other.close();
    // when one closes, a new one may open
    open[0].close();
    let again: SseClient | undefined;
    for (let i = 0; i < 50 && again?.status !== 200; i++) {
      again?.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await SseClient.open(`${base}/api/events`, headers);
    }
    expect(again?.status).toBe(200);
    for (const s of [...open, again!]) s.close();
  });
});
