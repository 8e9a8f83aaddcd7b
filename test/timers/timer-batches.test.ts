// Timers in one home: a feature adds a timer kind by registering a handler (no change to the firing code); one query
// claims a batch of due rows (SKIP LOCKED: two claimers get disjoint rows); concurrent firings fire each timer once.
import { DataSource } from 'typeorm';
import type { TimerEntity } from '../../src/database/entities';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { TimerKinds } from '../../src/timers/timer-kinds';
import { TimerRepository } from '../../src/timers/timer.repository';
import { bpmn } from '../support/bpmn';
import { Scenario } from '../support/scenario';

const HOUR = 3600_000;
const waitHour = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
  <bpmn:intermediateCatchEvent id="Wait" name="an hour"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="e" />`,
  { id: 'wait-hour' },
);

describe('timers', () => {
  const s = new Scenario();
  const fired: TimerEntity[] = [];
  beforeAll(async () => {
    await s.setUp();
    await s.t.http.post('/api/definitions').send({ xml: waitHour }).expect(201);
    const timers = s.t.app.get(TimerRepository);
    s.t.app.get(TimerKinds).register('probe', {
      postponeOnRefusal: false,
      async fire(em, timer) {
        fired.push(timer);
        await timers.deleteKey(em, timer.instanceId!, timer.timerKey);
      },
    });
  });
  afterAll(() => s.tearDown());

  it('fires a kind registered by a feature through its own handler, once', async () => {
    // given a row of the new kind on an instance, due now
    const a = await s.start('wait-hour', {});
    await s.t.app.get(DataSource).transaction((em) => s.t.app.get(TimerRepository).upsert(em, [{ instanceId: a.id, activityId: 'Wait', timerKey: 'probe:1', timerType: 'probe', expression: null, dueAt: s.clock.now() }], s.clock.now()));
    // when due work runs
    expect(await s.advance(0)).toBe(1);
    // then the handler got the row, the engine's own timer is untouched, and the instance detail shows only that one
    expect(fired.map((t) => t.timerKey)).toEqual(['probe:1']);
    expect((await s.instance(a.id)).timers.map((t) => t.activityId)).toEqual(['Wait']);
  });

  it('claims a batch of due rows in one query; a second claimer gets other rows', async () => {
    // given 30 instances whose timers are due
    for (let i = 0; i < 30; i++) await s.start('wait-hour', {});
    s.clock.advance(HOUR);
    const repo = s.t.app.get(TimerRepository);
    const db = s.t.app.get(DataSource);
    // when two transactions claim at once
    const first = db.createQueryRunner();
    await first.startTransaction();
    try {
      const a = await repo.claimDue(first.manager, s.clock.now(), 20);
      const b = await db.transaction((em) => repo.claimDue(em, s.clock.now(), 20));
      // then the first got a full batch and the second the rest, none twice
      expect(a).toHaveLength(20);
      expect(b.length).toBeGreaterThanOrEqual(10);
      expect(new Set([...a, ...b].map((t) => t.id)).size).toBe(a.length + b.length);
    } finally {
      await first.rollbackTransaction();
      await first.release();
    }
  });

  it('fires every due timer exactly once when two pollers fire at the same time', async () => {
    // given the due timers of the previous test (30 + the first instance's)
    const firing = s.t.app.get(TimerFiringService);
    // when two pollers run together
    const [x, y] = await Promise.all([firing.fireDue(), firing.fireDue()]);
    // then every instance moved on once: no timer row left, each instance completed, one timer.due entry each
    expect(x + y).toBe(31);
    const rows = await s.t.app.get(DataSource).query(`SELECT i.status, (SELECT count(*)::int FROM history h WHERE h.instance_id = i.id AND h.type = 'timer.due') AS due, (SELECT count(*)::int FROM timers t WHERE t.instance_id = i.id) AS timers FROM process_instances i WHERE i.definition_key = 'wait-hour'`);
    expect(rows).toHaveLength(31);
    expect(rows.every((r: { status: string; due: number; timers: number }) => r.status === 'completed' && r.due === 1 && r.timers === 0)).toBe(true);
  });
});
