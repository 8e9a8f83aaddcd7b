// Simulation runs through the API on a real PostgreSQL: validation, a run in a worker thread with its progress on the
// row and the live stream, the results contract, seeded determinism, and the direction (and size) of two redesigns.
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { sampleServiceDeskModel } from '../../src/simulation/run/sim-sample-model';
import { startTestApp, type TestApp } from '../support/app';

const XML = readFileSync('processes/service-request.bpmn', 'utf8');
// A small desk where two supervisors, one work order each at a time, approve every dispatch: busy, not overrun.
// (Other seeds give the same picture: without the approval 0.32–0.46× the breaches, one supervisor fewer 2.0–2.5×.)
const MODEL = sampleServiceDeskModel(40, { agent: 8, technician: 16, supervisor: 2 });
MODEL.staffing!.concurrency!.supervisor = 1;
const BASE = { definitionKey: 'service-request', model: MODEL, days: 7, seed: 11, replications: 2, start: '2026-03-02T00:00:00+08:00' };

/** The diagram without the supervisor's dispatch approval: the technician the handler proposes goes straight to the appointment. */
function withoutDispatch(xml: string): string {
  const source = xml.match(/<bpmn:sequenceFlow id="([^"]+)" sourceRef="([^"]+)" targetRef="Task_Dispatch"/)!;
  const target = xml.match(/<bpmn:sequenceFlow id="([^"]+)" sourceRef="Task_Dispatch" targetRef="([^"]+)"/)!;
  return xml
    .replace(/<bpmn:userTask id="Task_Dispatch"[\s\S]*?<\/bpmn:userTask>/, '')
    .replace(new RegExp(`<bpmn:sequenceFlow id="${target[1]}"[^>]*/>`), '')
    .replace(new RegExp(`<bpmn:sequenceFlow id="${target[1]}"[^>]*>[\\s\\S]*?</bpmn:sequenceFlow>`), '')
    .replace(`sourceRef="${source[2]}" targetRef="Task_Dispatch"`, `sourceRef="${source[2]}" targetRef="${target[2]}"`)
    .replace(new RegExp(`<bpmn:(incoming|outgoing)>${target[1]}</bpmn:(incoming|outgoing)>`, 'g'), '')
    .replace(/<bpmndi:BPMNShape id="[^"]*" bpmnElement="Task_Dispatch"[\s\S]*?<\/bpmndi:BPMNShape>/, '')
    .replace(new RegExp(`<bpmndi:BPMNEdge id="[^"]*" bpmnElement="${target[1]}"[\\s\\S]*?</bpmndi:BPMNEdge>`), '')
    .replace(/<bpmndi:BPMNLabel[^>]*>\s*<\/bpmndi:BPMNLabel>/g, '');
}

describe('simulation runs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  async function run(body: Record<string, unknown>) {
    const { id, status } = (await t.http.post('/api/simulations').send(body).expect(202)).body;
    expect(status).toBe('queued');
    for (let i = 0; i < 600; i++) {
      const sim = (await t.http.get(`/api/simulations/${id}`).expect(200)).body;
      if (sim.status === 'done') return sim;
      if (sim.status === 'failed') throw new Error(`simulation failed: ${sim.error}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('simulation did not end in 5 minutes');
  }

  it('refuses what it cannot run with an actionable 4xx', async () => {
    const post = (body: Record<string, unknown>) => t.http.post('/api/simulations').send(body);
    expect((await post({ ...BASE, days: 0 })).body.message).toEqual(expect.arrayContaining([expect.stringMatching(/days must be at least 1/)]));
    expect((await post({ ...BASE, days: 90 })).status).toBe(400);
    expect((await post({ ...BASE, replications: 21 })).status).toBe(400);
    expect((await post({ ...BASE, definitionKey: 'no-such-process' })).status).toBe(404);
    expect((await post({ ...BASE, versions: [9] })).body.message).toMatch(/no version 9/);
    expect((await post({ ...BASE, fromHistory: { from: '2026-01-01T00:00:00Z', to: '2026-01-29T00:00:00Z' } })).body.message).toMatch(/either fromHistory .* or model/);
    expect((await post({ ...BASE, model: { arrivals: {} } })).body.message).toMatch(/arrivals.byHourOfWeek/);
    expect((await post({ definitionKey: 'service-request', days: 7, fromHistory: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } })).body.message).toMatch(/fromHistory: from must be before to/);
    expect((await post({ ...BASE, adjustments: { staff: { agent: 0.5 } } })).body.message).toMatch(/whole number of people/);
    expect((await post({ ...BASE, candidateXml: '<nope/>' })).status).toBe(400);
    expect((await t.http.get('/api/simulations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const agent = await t.as('sim.agent', ['agent']);
    expect((await agent.post('/api/simulations').send(BASE)).status).toBe(403);
  });

  it('reports a run whose server stopped as failed', async () => {
    // given a run another server was running, silent for an hour
    const id = '11111111-1111-4111-8111-111111111111';
    const hourAgo = new Date(Date.now() - 3_600_000);
    await t.app.get(DataSource).query(`INSERT INTO simulations (id, definition_key, request, status, progress, created_by, created_at, owner, heartbeat_at) VALUES ($1, 'service-request', '{}', 'running', 0.4, 'admin', $2, 'gone', $2)`, [id, hourAgo]);
    // then it reads as failed, with the reason
    const sim = (await t.http.get(`/api/simulations/${id}`).expect(200)).body;
    expect(sim).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
  });

  it('runs in a worker, reports progress on the live stream and answers the results contract; the same seed gives the same results', async () => {
    const sim = await run(BASE);
    expect(sim).toMatchObject({ status: 'done', progress: 1, request: { definitionKey: 'service-request', days: 7 } });
    const [v] = sim.results.variants;
    expect(v.label).toMatch(/^v\d+$/);
    expect(v.kpis.slaBreaches['repair-resolution'].ci95).toHaveLength(2);
    expect(v.kpis.slaBreaches['repair-resolution'].ci95[0]).toBeLessThanOrEqual(v.kpis.slaBreaches['repair-resolution'].mean);
    expect(v.kpis.completed.mean).toBeGreaterThan(120);
    expect(v.kpis.resolutionHours.p90.mean).toBeGreaterThanOrEqual(v.kpis.resolutionHours.p50.mean);
    expect(v.kpis.responseOnTimeRate.mean).toBeGreaterThan(0);
    expect(v.backlog).toHaveLength(7);
    expect(v.breachesPerWeek).toHaveLength(1);
    expect(Object.keys(v.utilisation).sort()).toEqual(['agent', 'supervisor', 'technician']);
    expect(sim.results.engine.engineRuns).toBeLessThan(sim.results.engine.commands / 10); // identical situations replayed
    const events = await t.app.get(DataSource).query(`SELECT payload FROM outbox WHERE type = 'simulation.progress' AND payload->>'simulationId' = $1 ORDER BY id`, [sim.id]);
    expect(events.map((e: { payload: { status: string } }) => e.payload.status)).toEqual(expect.arrayContaining(['running', 'done']));
    // seeded: the same request gives the same numbers; another seed other ones (shown on a shorter run)
    const short = { ...BASE, days: 2, replications: 1 };
    const first = await run(short);
    expect((await run(short)).results.variants).toEqual(first.results.variants);
    const other = await run({ ...short, seed: 12 });
    expect(other.results.variants[0].kpis.started.mean).not.toEqual(first.results.variants[0].kpis.started.mean);
  }, 600_000);

  it('a redesign without the supervisor approval gives fewer breaches; a supervisor fewer gives more', async () => {
    const redesign = await run({ ...BASE, candidateXml: withoutDispatch(XML) });
    const [current, edited] = redesign.results.variants;
    expect(edited.label).toBe('edited');
    const before = current.kpis.slaBreaches['repair-resolution'].mean;
    const after = edited.kpis.slaBreaches['repair-resolution'].mean;
    expect(after).toBeLessThan(before * 0.7); // at least 30 % fewer
    expect(edited.utilisation.supervisor).toBeUndefined(); // nobody approves any more
    const understaffed = await run({ ...BASE, adjustments: { staff: { supervisor: -1 } } });
    const fewer = understaffed.results.variants[0].kpis.slaBreaches['repair-resolution'].mean;
    expect(fewer).toBeGreaterThan(before * 1.5); // at least half as many again
    console.log(`repair-resolution breaches in 7 days: current ${before}, without the dispatch approval ${after}, one supervisor fewer ${fewer}`);
  }, 900_000);
});
