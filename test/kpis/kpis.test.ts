// KPI tests on a seeded data set: every figure, numerator and denominator of GET /api/kpis (with filters), the version
// comparison, the weekly report and its CSV equal what the test works out from the raw rows itself; threshold alerts.
import { DataSource } from 'typeorm';
import { FakeClock } from '../../src/common/clock';
import { KpiWatcher } from '../../src/kpis/kpi-watcher';
import { startTestApp, type TestApp } from '../support/app';
import { seedKpiData } from '../support/kpi-seed';
import { expectedKpis, readRaw, type Filter, type Raw } from './kpi-expectations';

const NOW = new Date('2040-06-01T00:00:00Z');

describe('KPIs', () => {
  const clock = new FakeClock(NOW);
  let t: TestApp;
  let raw: Raw;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { SURVEY_POLL_MS: '0', KPI_WATCH_MS: '0', WEBHOOK_POLL_MS: '0' } });
    // a second version of service-request: the "redesign"
    const v1 = (await t.http.get('/api/definitions/service-request/xml').expect(200)).text;
    await t.http.post('/api/definitions').send({ xml: v1.replace('name="Service request', 'name="Service request (redesigned)') }).expect(201);
    const versions = async (key: string) => (await t.http.get(`/api/definitions/${key}`).expect(200)).body;
    const sr = await versions('service-request');
    const idOf = (list: any, v: number) => (Array.isArray(list) ? list : list.items ?? list.versions).find((d: any) => d.version === v).id;
    const defs = { sr1: idOf(sr, 1), sr2: idOf(sr, 2), complaint: idOf(await versions('complaint-escalation'), 1), survey: idOf(await versions('satisfaction-survey'), 1) };
    await seedKpiData(t.app.get(DataSource), defs, NOW);
    raw = await readRaw(t.app.get(DataSource));
  });
  afterAll(() => t.close());

  const query = (q: Record<string, string>) => t.http.get('/api/kpis').query(q).expect(200).then((r) => r.body);
  function expectSame(got: any, want: ReturnType<typeof expectedKpis>) {
    for (const [key, figure] of Object.entries(want)) {
      if (key === 'aging') expect(got.backlogAging).toEqual(figure);
      else expect({ key, ...got.kpis[key] }).toMatchObject({ key, ...figure });
    }
  }

  it('the data set is big enough to mean something', () => {
    const w = expectedKpis(raw, new Date('2040-05-01T00:00:00Z'), NOW, NOW);
    expect(w.responseOnTimeRate.denominator).toBeGreaterThan(30);
    expect(w.firstTimeResolutionRate.denominator).toBeGreaterThan(15);
    expect(w.csat.denominator).toBeGreaterThan(15);
    expect(w.backlog.value).toBeGreaterThan(10);
    expect(w.escalationsL2.value).toBeGreaterThan(2);
    expect(w.responseOnTimeRate.numerator).toBeLessThan(w.responseOnTimeRate.denominator);
  });

  it.each<[string, Record<string, string>, Filter]>([
    ['May, everything', {}, {}],
    ['phone and WeChat', { channel: 'phone,wechat' }, { channels: ['phone', 'wechat'] }],
    ['P1 and urgent complaints in Shanghai', { priority: 'P1,urgent', region: 'shanghai' }, { priorities: ['P1', 'urgent'], region: 'shanghai' }],
    ['service-request version 2 only', { process: 'service-request', version: '2' }, { process: 'service-request', version: 2 }],
    ['complaints only', { process: 'complaint-escalation' }, { process: 'complaint-escalation' }],
  ])('%s: every KPI with its numerator and denominator matches the raw rows', async (_name, q, filter) => {
    const from = new Date('2040-05-01T00:00:00Z');
    const got = await query({ from: from.toISOString(), to: NOW.toISOString(), ...q });
    expectSame(got, expectedKpis(raw, from, NOW, NOW, filter));
  });

  it('a window that ends in the past counts the backlog at its end', async () => {
    const [from, to] = [new Date('2040-05-10T00:00:00Z'), new Date('2040-05-17T00:00:00Z')];
    const got = await query({ from: from.toISOString(), to: to.toISOString() });
    expect(got.asOf).toBe(to.toISOString());
    expectSame(got, expectedKpis(raw, from, to, to));
  });

  it('compares two versions of service-request over the same KPIs ("did the redesign work?")', async () => {
    const from = new Date('2040-05-01T00:00:00Z');
    const res = await t.http.get('/api/kpis/compare').query({ process: 'service-request', versionA: '1', versionB: '2', from: from.toISOString(), to: NOW.toISOString() }).expect(200);
    const a = expectedKpis(raw, from, NOW, NOW, { process: 'service-request', version: 1 });
    const b = expectedKpis(raw, from, NOW, NOW, { process: 'service-request', version: 2 });
    expectSame(res.body.a, a);
    expectSame(res.body.b, b);
    const delta = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.round((y - x) * 100) / 100);
    expect(res.body.delta.csat).toBe(delta(a.csat.value, b.csat.value));
    expect(res.body.delta.firstTimeResolutionRate).toBe(delta(a.firstTimeResolutionRate.value, b.firstTimeResolutionRate.value));
  });

  it('weekly report: one row per ISO week (Asia/Shanghai), each row as computed for its week; the CSV says the same', async () => {
    const from = new Date('2040-05-01T00:00:00Z');
    const q = { granularity: 'week', from: from.toISOString(), to: NOW.toISOString() };
    const report = (await t.http.get('/api/kpis/report').query(q).expect(200)).body;
    // 2040-05-01 08:00 Shanghai is a Tuesday: a partial first week, then Mondays 00:00 Shanghai (Sunday 16:00 UTC)
    expect(report.rows.map((r: any) => r.from)).toEqual(['2040-05-01T00:00:00.000Z', '2040-05-06T16:00:00.000Z', '2040-05-13T16:00:00.000Z', '2040-05-20T16:00:00.000Z', '2040-05-27T16:00:00.000Z']);
    for (const row of report.rows) expectSame(row, expectedKpis(raw, new Date(row.from), new Date(row.to), new Date(row.to)));
    const csv = await t.http.get('/api/kpis/report.csv').query(q).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.text.trim().split('\r\n').map((l) => l.split(','));
    expect(header.slice(0, 5)).toEqual(['period_start', 'period_end', 'responseOnTimeRate', 'responseOnTimeRate_numerator', 'responseOnTimeRate_denominator']);
    expect(lines).toHaveLength(report.rows.length);
    lines.forEach((line, n) => {
      const want = expectedKpis(raw, new Date(report.rows[n].from), new Date(report.rows[n].to), new Date(report.rows[n].to));
      expect(line[header.indexOf('csat_denominator')]).toBe(String(want.csat.denominator));
      expect(line[header.indexOf('csat')]).toBe(want.csat.value === null ? '' : String(want.csat.value));
      expect(line[header.indexOf('backlog')]).toBe(String(want.backlog.value));
    });
  });

  it('threshold alerts: CSAT below 80 % and backlog above 10 go to supervisors once, and again when they recover', async () => {
    const db = t.app.get(DataSource);
    const events = () => db.query(`SELECT roles, payload FROM outbox WHERE type = 'kpi.threshold' ORDER BY id`);
    const window = expectedKpis(raw, new Date(NOW.getTime() - 30 * 86_400_000), NOW, NOW);
    expect(window.csat.value).toBeLessThan(80);
    // when
    await t.app.get(KpiWatcher).check();
    await t.app.get(KpiWatcher).check();
    // then
    const first = await events();
    expect(first.map((e: any) => [e.payload.detail.kpi, e.payload.detail.state])).toEqual([['csat', 'breached'], ['backlog', 'breached']]);
    expect(first[0].roles).toEqual(['supervisor']);
    expect(first[0].payload.detail).toMatchObject({ value: window.csat.value, numerator: window.csat.numerator, denominator: window.csat.denominator, threshold: 80 });
    expect(first[1].payload.detail).toMatchObject({ value: window.backlog.value, threshold: 10 });
    // when every answer becomes a 5 and the backlog is cleared
    await db.query(`UPDATE surveys SET overall = 5`);
    await db.query(`UPDATE process_instances SET status = 'completed', ended_at = $1 WHERE ended_at IS NULL`, [new Date(NOW.getTime() - 1000)]);
    await t.app.get(KpiWatcher).check();
    // then
    const after = (await events()).slice(2).map((e: any) => [e.payload.detail.kpi, e.payload.detail.state, e.payload.detail.value]);
    expect(after).toEqual([['csat', 'recovered', 100], ['backlog', 'recovered', 0]]);
    raw = await readRaw(db);
  });

  it('bad filters answer 400 with the field', async () => {
    const bad: Record<string, string>[] = [{ from: '2040-06-02T00:00:00Z', to: '2040-06-01T00:00:00Z' }, { version: '2' }, { channel: 'fax' }, { priority: 'P9' }, { from: 'yesterday' }];
    for (const q of bad) expect({ q, status: (await t.http.get('/api/kpis').query(q)).status }).toEqual({ q, status: 400 });
    await t.http.get('/api/kpis/report').query({ granularity: 'hour' }).expect(400);
    await t.http.get('/api/kpis/report').query({ granularity: 'day', from: '2030-01-01T00:00:00Z', to: '2040-01-01T00:00:00Z' }).expect(400);
    await t.http.get('/api/kpis/compare').query({ versionA: '1', versionB: '2' }).expect(400);
  });
});
