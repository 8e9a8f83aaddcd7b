// The poller sleeps until the next due time it knows of, not a fixed interval: with TIMER_POLL_MS at its maximum (60 s)
// a timer armed for 300 ms, and a row moved to fall due 2 s later, both fire long before the first regular poll.
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { bpmn } from '../support/bpmn';
import { waitFor } from '../support/timer-load';

const waitFor_ = (duration: string, id: string) =>
  bpmn(
    `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait" name="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
    { id },
  );

/** Well below the poll interval: a timer fired by then was fired by a wake-up, not by a regular poll. */
const BEFORE_ANY_POLL_MS = 20_000;

describe('timer wake-ups', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ env: { TIMER_POLL_MS: '60000' } });
    db = t.app.get(DataSource);
    await t.http.post('/api/definitions').send({ xml: waitFor_('PT0.3S', 'wake-short') }).expect(201);
    await t.http.post('/api/definitions').send({ xml: waitFor_('PT1H', 'wake-long') }).expect(201);
  });
  afterAll(() => t.close());

  const start = async (key: string) => (await t.http.post('/api/process-instances').send({ definitionKey: key }).expect(201)).body.id as string;
  const status = async (id: string) => (await db.query('SELECT status FROM process_instances WHERE id = $1', [id]))[0].status as string;
  const firedAt = async (id: string) => (await db.query(`SELECT at FROM history WHERE instance_id = $1 AND type = 'timer.due'`, [id])).map((r: { at: Date }) => new Date(r.at));

  it('fires a timer armed for 300 ms without waiting for the next poll', async () => {
    // given an instance whose timer falls due 300 ms after it was armed
    const id = await start('wake-short');
    // when the poller wakes by itself
    await waitFor(async () => (await status(id)) === 'completed', BEFORE_ANY_POLL_MS);
    // then it fired once
    expect(await firedAt(id)).toHaveLength(1);
  });

  it('after a pass, sleeps until the soonest due row, one this process did not arm', async () => {
    // given a row moved (as time passing or another replica would) to fall due 2 s from now, which wakes nobody
    const later = await start('wake-long');
    await db.query(`UPDATE timers SET due_at = now() + interval '2 seconds' WHERE instance_id = $1`, [later]);
    // when a pass runs (woken by a short timer armed after the move) and then sleeps until that row
    const sooner = await start('wake-short');
    await waitFor(async () => (await status(later)) === 'completed', BEFORE_ANY_POLL_MS);
    // then both fired once, the short one first
    const [a] = await firedAt(sooner);
    const [b] = await firedAt(later);
    expect(a.getTime()).toBeLessThan(b.getTime());
    expect(await firedAt(later)).toHaveLength(1);
  });
});
