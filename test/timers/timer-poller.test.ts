// The poller of every server fires due timers by itself (TIMER_POLL_MS > 0), through the batch claim, each once.
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { bpmn } from '../support/bpmn';

const soon = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
  <bpmn:intermediateCatchEvent id="Wait" name="a second"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
  { id: 'wait-second' },
);

describe('timer poller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TIMER_POLL_MS: '50', TIMER_CLAIM_BATCH: '7' } });
    await t.http.post('/api/definitions').send({ xml: soon }).expect(201);
  });
  afterAll(() => t.close());

  it('fires every due timer once without being driven', async () => {
    // given 25 instances waiting a second
    for (let i = 0; i < 25; i++) await t.http.post('/api/process-instances').send({ definitionKey: 'wait-second' }).expect(201);
    // when the poller has had time to fire them (waiting for the effect, not timing it)
    const db = t.app.get(DataSource);
    const done = async () => (await db.query(`SELECT count(*)::int AS n FROM process_instances WHERE definition_key = 'wait-second' AND status = 'completed'`))[0].n;
    for (let i = 0; i < 300 && (await done()) < 25; i++) await new Promise((r) => setTimeout(r, 100));
    // then each completed, with one timer.due each
    const rows = await db.query(`SELECT i.status, (SELECT count(*)::int FROM history h WHERE h.instance_id = i.id AND h.type = 'timer.due') AS due FROM process_instances i WHERE i.definition_key = 'wait-second'`);
    expect(rows).toHaveLength(25);
    expect(rows.filter((r: { status: string; due: number }) => r.status === 'completed' && r.due === 1)).toHaveLength(25);
  }, 60_000);
});
