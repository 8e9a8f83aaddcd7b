// Demo data: a few days of simulated service-desk work through the real pipeline on a virtual clock fill the KPIs, the
// board, surveys, escalations and a second version; removing it leaves none of it.
import { FakeClock } from '../../src/common/clock';
import { loadDemo, type DemoSummary } from '../../src/demo/demo-loader';
import { startTestApp, type TestApp } from '../support/app';

const TO = new Date('2026-01-23T10:00:00Z'); // a Friday, 18:00 in Shanghai

describe('demo data', () => {
  const clock = new FakeClock(TO);
  let t: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', KPI_WATCH_MS: '0', NOTIFY_POLL_MS: '0' } });
    // given an empty product, when the demo loads eight days of a small desk
    summary = await loadDemo(t.app, clock, { days: 8, perDay: 6, seed: 7, to: TO });
  }, 600_000);
  afterAll(() => t.close());

  it('runs the processes without unexplained failures and ends at the given time', () => {
    expect(summary.errors).toEqual([]);
    expect(summary.started).toBeGreaterThan(30);
    expect(summary.completedTasks).toBeGreaterThan(150);
    expect(summary.timersFired).toBeGreaterThan(20);
    expect(clock.now()).toEqual(TO);
  });

  it('fills the KPIs: resolutions, surveys, complaints and escalations', async () => {
    const kpis = (await t.http.get('/api/kpis').query({ from: new Date(TO.getTime() - 8 * 86_400_000).toISOString(), to: TO.toISOString() }).expect(200)).body.kpis;
    expect(kpis.responseOnTimeRate.denominator).toBeGreaterThan(20);
    expect(kpis.meanResolutionHours.value).toBeGreaterThan(0);
    expect(kpis.csat.denominator).toBeGreaterThan(3);
    expect(kpis.meanComplaintHandlingHours.denominator).toBeGreaterThan(0);
    expect(kpis.escalationsL2.value).toBeGreaterThan(0);
  });

  it('has a second version of service-request with requests on both', async () => {
    const cmp = (await t.http.get('/api/kpis/compare').query({ process: 'service-request', versionA: 1, versionB: 2, from: new Date(TO.getTime() - 8 * 86_400_000).toISOString(), to: TO.toISOString() }).expect(200)).body;
    expect(cmp.a.kpis.responseOnTimeRate.denominator).toBeGreaterThan(5);
    expect(cmp.b.kpis.responseOnTimeRate.denominator).toBeGreaterThan(5);
  });

  it('fills the board, the demo staff and the banner status', async () => {
    const supervisor = await t.as('sup.visor', ['supervisor']);
    const alerts = (await supervisor.get('/api/board/alerts').expect(200)).body.items;
    expect(alerts.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(['sla.breached', 'complaint.escalated']));
    const techs = (await t.http.get('/api/dispatch/technicians').expect(200)).body;
    expect(JSON.stringify(techs)).toContain('demo.tech.liu');
    const status = (await t.http.get('/api/demo').expect(200)).body;
    expect(status).toMatchObject({ loaded: true, users: 12 });
    expect(status.instances).toBe(summary.instances);
  });

  it('teaches the simulation model: arrivals, fitted task durations, decisions, staffing and surveys', async () => {
    const window = { from: new Date(TO.getTime() - 8 * 86_400_000).toISOString(), to: TO.toISOString() };
    const model = (await t.http.get('/api/simulations/model').query({ definitionKey: 'service-request', ...window }).expect(200)).body;
    const requests = (await t.http.get('/api/process-instances').query({ definitionKey: 'service-request', limit: 1 }).expect(200)).body.total;
    expect(model.arrivals.total).toBe(requests);
    expect(model.arrivals.perWeek).toBeCloseTo(requests / (8 / 7), 1);
    expect(Object.keys(model.arrivals.channel)).toContain('phone');
    expect(model.activities['Task_RecordRequest@agent']).toMatchObject({ role: 'agent', duration: { distribution: 'lognormal' } });
    expect(model.activities['Task_RecordRequest@agent'].duration.meanHours).toBeGreaterThan(0);
    expect(Object.keys(model.decisions.Task_TriageRequest.simpleFault).sort()).toEqual(['false', 'true']);
    expect(model.visits.Task_RecordRequest).toBeGreaterThan(0.8);
    expect(model.staffing.roles).toMatchObject({ agent: 4, technician: 5, supervisor: 3, manager: 1 }); // a supervisor signed in above
    expect(model.surveys.answered).toBeGreaterThan(0);
    // only the second version: fewer arrivals
    const v2 = (await t.http.get('/api/simulations/model').query({ definitionKey: 'service-request', versions: '2', ...window }).expect(200)).body;
    expect(v2.arrivals.total).toBeGreaterThan(0);
    expect(v2.arrivals.total).toBeLessThan(requests);
    // and actionable refusals
    expect((await t.http.get('/api/simulations/model').query({ definitionKey: 'nope' })).status).toBe(404);
    expect((await t.http.get('/api/simulations/model').query({ definitionKey: 'service-request', versions: '9' })).body.message).toMatch(/no version 9/);
    expect((await t.http.get('/api/simulations/model').query({ definitionKey: 'service-request', from: TO.toISOString(), to: window.from })).status).toBe(400);
  });

  it('sends demo customers nothing', async () => {
    const [request] = (await t.http.get('/api/process-instances').query({ definitionKey: 'service-request', limit: 1 }).expect(200)).body.items;
    expect(request.businessKey).toMatch(/^DEMO-R-\d{5}$/);
    expect((await t.http.get(`/api/process-instances/${request.id}`).expect(200)).body.variables).toMatchObject({ notificationsOptOut: true, demo: true });
  });

  it('refuses a second load into a product that has data', async () => {
    await expect(loadDemo(t.app, clock, { days: 1, perDay: 1, seed: 1, to: TO })).rejects.toThrow(/empty product only/);
  });

  it('is removed by an admin: no instances, alerts, KPIs or demo users remain', async () => {
    const analyst = await t.as('ana.lyst', ['analyst']);
    await analyst.post('/api/demo/remove').send({ confirm: true }).expect(403);
    expect(JSON.stringify((await t.http.post('/api/demo/remove').send({}).expect(400)).body)).toMatch(/confirm must be true/);
    expect((await t.http.get('/api/demo').expect(200)).body.loaded).toBe(true);
    const removed = (await t.http.post('/api/demo/remove').send({ confirm: true }).expect(200)).body;
    expect(removed).toMatchObject({ instances: summary.instances, users: 12, definitions: 1 });
    const [audit] = (await t.http.get('/api/audit').query({ action: 'demo.removed' }).expect(200)).body.items;
    expect(audit).toMatchObject({ action: 'demo.removed', detail: { instances: summary.instances, users: 12, definitions: 1 } });
    expect((await t.http.get('/api/process-instances').expect(200)).body.total).toBe(0);
    const supervisor = await t.as('sup.visor', ['supervisor']);
    expect((await supervisor.get('/api/board/alerts').expect(200)).body.items).toEqual([]);
    const kpis = (await t.http.get('/api/kpis').query({ to: TO.toISOString() }).expect(200)).body.kpis;
    expect(kpis.responseOnTimeRate.denominator).toBe(0);
    expect(kpis.csat.denominator).toBe(0);
    const users = (await t.http.get('/api/users').query({ limit: 200 }).expect(200)).body.items.map((u: { username: string }) => u.username);
    expect(users.filter((u: string) => u.startsWith('demo.'))).toEqual([]);
    expect((await t.http.get('/api/demo').expect(200)).body).toMatchObject({ loaded: false, instances: 0 });
    // and the product works on afterwards, on the shipped diagram
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', variables: { channel: 'web', customerName: 'A', customerContact: 'a@example.com', deviceModel: 'X', faultDescription: 'Y', inWarranty: true, region: 'Shanghai' } }).expect(201);
    expect(started.body.definitionVersion).toBe(1);
  });
});
