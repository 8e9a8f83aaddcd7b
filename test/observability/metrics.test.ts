// The product's series on /metrics (commands by kind, engine run time, timer lateness, due-timer backlog, outbox lag,
// incidents) and the liveness/readiness probes, on one server process.
import { bpmn } from '../support/bpmn';
import { startTestApp, type TestApp } from '../support/app';
import { withClient } from '../support/database';
import { TimerFiringService } from '../../src/timers/timer-firing.service';

const timerProcess = bpmn(
  `<bpmn:startEvent id="Start" name="Start" />
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
  <bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Task" />
  <bpmn:userTask id="Task" name="After the wait" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Task" targetRef="End" />
  <bpmn:endEvent id="End" name="End" />`,
  { id: 'metrics-timer' },
);

const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('metrics and probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_POLL_MS: '0', DEPLOY_ON_BOOT: 'false' } });
  });
  afterAll(() => t?.close());

  it('answers /health/live and /health/ready (database up, migrations applied)', async () => {
    expect((await t.anon.get('/health/live').expect(200)).body.status).toBe('ok');
    const ready = await t.anon.get('/health/ready').expect(200);
    expect(ready.body.info).toEqual({ database: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('reports commands, engine runs, timers, the outbox lag and incidents', async () => {
    await t.http.post('/api/definitions').send({ xml: timerProcess }).expect(201);
    const a = (await t.http.post('/api/process-instances').send({ definitionKey: 'metrics-timer' }).expect(201)).body;
    const b = (await t.http.post('/api/process-instances').send({ definitionKey: 'metrics-timer' }).expect(201)).body;
    await withClient(t.databaseUrl, async (c) => {
      // a's timer is 10 s overdue; b keeps waiting an hour. One open incident on b.
      await c.query(`UPDATE timers SET due_at = now() - interval '10 seconds' WHERE instance_id = $1`, [a.id]);
      await c.query(`INSERT INTO incidents (id, instance_id, activity_id, execution_id, error, attempts, status, created_at, updated_at)
                     VALUES (gen_random_uuid(), $1, 'Wait', 'x', 'boom', 3, 'open', now(), now())`, [b.id]);
      // An event written 30 s ago that the webhook relay (off here) has not passed.
      await c.query(`INSERT INTO instance_outbox (instance_id, type, payload, created_at) VALUES ($1, 'test.event', '{}', now() - interval '30 seconds')`, [b.id]);
    });
    let text = (await t.anon.get('/metrics').expect(200)).text;
    expect(sample(text, 'serviceflow_timers_due{kind="timeDuration"}')).toBe(1);
    expect(sample(text, 'serviceflow_incidents{status="open"}')).toBe(1);
    expect(sample(text, 'serviceflow_outbox_lag_seconds{relay="webhooks"}')).toBeGreaterThanOrEqual(30);

    expect(await t.app.get(TimerFiringService).fireDue()).toBe(1);
    text = (await t.anon.get('/metrics').expect(200)).text;
    expect(sample(text, 'serviceflow_timers_due{kind="timeDuration"}')).toBeUndefined();
    expect(sample(text, 'serviceflow_timer_lateness_seconds_count{kind="timeDuration"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'serviceflow_timer_lateness_seconds_bucket{le="5",kind="timeDuration"}')).toBe(0); // it was 10 s late
    expect(sample(text, 'serviceflow_command_duration_seconds_count{kind="start"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'serviceflow_command_duration_seconds_count{kind="fireTimers"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'serviceflow_engine_run_seconds_count{kind="start"}')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('# TYPE serviceflow_engine_cache_lookups_total counter');
  });
});
