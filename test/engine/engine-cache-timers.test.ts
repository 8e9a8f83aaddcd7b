// Timer firings on a cached engine: an intermediate timer, a repeating non-interrupting boundary timer and an
// interrupting one fire on the engine kept after the previous command, and persist exactly what recovering gives.
import { engineCacheLookups } from '../../src/observability/domain-metrics';
import { bpmn } from '../support/bpmn';
import { startTestApp } from '../support/app';
import { persistedRows } from '../support/persisted-rows';
import { HOUR, Scenario } from '../support/scenario';

const timed = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
  <bpmn:intermediateCatchEvent id="Wait" name="an hour"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Task_A" /><bpmn:userTask id="Task_A" name="A" camunda:candidateGroups="agent" />
  <bpmn:boundaryEvent id="Remind" name="Remind" attachedToRef="Task_A" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="F_remind" sourceRef="Remind" targetRef="End_Remind" /><bpmn:endEvent id="End_Remind" name="Reminded" />
  <bpmn:boundaryEvent id="Late" name="Late" attachedToRef="Task_A"><bpmn:timerEventDefinition><bpmn:timeDuration>PT3H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="F_late" sourceRef="Late" targetRef="Task_Late" /><bpmn:userTask id="Task_Late" name="Late" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F3" sourceRef="Task_A" targetRef="End" /><bpmn:endEvent id="End" name="End" />
  <bpmn:sequenceFlow id="F4" sourceRef="Task_Late" targetRef="End_Late" /><bpmn:endEvent id="End_Late" name="Late end" />`,
  { id: 'cache-timers' },
);

class CacheScenario extends Scenario {
  constructor(private readonly env: Record<string, string>) {
    super();
  }
  override async setUp(): Promise<void> {
    this.t = await startTestApp({ clock: this.clock, env: this.env });
  }
}

async function hits(): Promise<number> {
  return (await engineCacheLookups.get()).values.find((v) => v.labels.result === 'hit')?.value ?? 0;
}

/** Start, then four firings an hour apart (Wait; Remind twice, the second with Late due too), then the late task. */
async function drive(s: Scenario): Promise<{ id: string; fired: number[] }> {
  await s.t.http.post('/api/definitions').send({ xml: timed }).expect(201);
  const { id } = await s.start('cache-timers', {}, 'TIMED-1');
  const fired: number[] = [];
  for (let i = 0; i < 4; i++) fired.push(await s.advance(HOUR));
  await s.complete(id, 'Task_Late');
  return { id, fired };
}

describe('live-engine cache: timer firings', () => {
  const cached = new CacheScenario({ ENGINE_CACHE_MAX_COUNT: '100' });
  const uncached = new CacheScenario({ ENGINE_CACHE_MAX_COUNT: '0' });
  beforeAll(async () => {
    await cached.setUp();
    await uncached.setUp();
  });
  afterAll(async () => {
    await cached.tearDown();
    await uncached.tearDown();
  });

  it('fire on the kept engine and persist the same rows as firings that recover it', async () => {
    // given two servers at the same fake time, one caching engines and one not
    // when the same start, timer firings and task completion run on each
    const before = await hits();
    const a = await drive(cached);
    const between = await hits();
    const b = await drive(uncached);
    // then the cached server fired its timers on kept engines (the firings and the completion after them)
    expect(between - before).toBeGreaterThanOrEqual(4);
    expect(await hits()).toBe(between);
    // and both fired the same timers and persisted the same rows
    expect(a.fired).toEqual(b.fired);
    expect(a.fired.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(4);
    const rowsA = await persistedRows(cached.t.databaseUrl, [a.id]);
    expect(rowsA.history.filter((h) => h.includes('"timer.due"'))).toHaveLength(a.fired.reduce((x, y) => x + y, 0));
    expect(rowsA).toEqual(await persistedRows(uncached.t.databaseUrl, [b.id]));
  });
});
