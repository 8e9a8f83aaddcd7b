// The live-engine cache changes nothing but speed: the same commands with the cache on and off persist the same rows.
import { FakeClock } from '../../src/common/clock';
import { engineCacheLookups } from '../../src/observability/domain-metrics';
import { bpmn } from '../support/bpmn';
import { startTestApp } from '../support/app';
import { persistedRows } from '../support/persisted-rows';
import { HOUR, Scenario } from '../support/scenario';

/** A user task with an interrupting boundary timer, a parallel split into a task and a message catch, then a loop. */
const mixed = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />
  <bpmn:userTask id="Task_A" name="A" camunda:candidateGroups="agent" />
  <bpmn:boundaryEvent id="Late" name="Late" attachedToRef="Task_A"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="F_late" sourceRef="Late" targetRef="Task_Late" />
  <bpmn:userTask id="Task_Late" name="Late" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F_late_end" sourceRef="Task_Late" targetRef="End_Late" /><bpmn:endEvent id="End_Late" name="Late end" />
  <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Split" /><bpmn:parallelGateway id="Split" name="Split" />
  <bpmn:sequenceFlow id="F3" sourceRef="Split" targetRef="Task_B" /><bpmn:userTask id="Task_B" name="B" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F4" sourceRef="Split" targetRef="Catch_Go" />
  <bpmn:intermediateCatchEvent id="Catch_Go" name="Go"><bpmn:messageEventDefinition messageRef="Msg_Go" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F5" sourceRef="Task_B" targetRef="Join" /><bpmn:sequenceFlow id="F6" sourceRef="Catch_Go" targetRef="Join" />
  <bpmn:parallelGateway id="Join" name="Join" /><bpmn:sequenceFlow id="F7" sourceRef="Join" targetRef="Review" />
  <bpmn:userTask id="Review" name="Review" camunda:candidateGroups="agent"><bpmn:multiInstanceLoopCharacteristics camunda:collection="\${devices}" camunda:elementVariable="device" /></bpmn:userTask>
  <bpmn:sequenceFlow id="F8" sourceRef="Review" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'cache-mixed', messages: '<bpmn:message id="Msg_Go" name="go" />' },
);

const request = { channel: 'wechat', customerName: '王芳', customerContact: '+86 138 0000 0000', deviceModel: 'AC-3000', serialNumber: 'SN-42', faultDescription: 'No cooling', inWarranty: true, region: 'Shanghai' };

/** A scenario whose server has the engine cache configured by `env`. */
class CacheScenario extends Scenario {
  constructor(private readonly env: Record<string, string>) {
    super();
  }
  override async setUp(): Promise<void> {
    this.t = await startTestApp({ clock: this.clock, env: this.env });
  }
}

async function lookups(): Promise<{ hit: number; miss: number }> {
  const values = (await engineCacheLookups.get()).values;
  const of = (result: string) => values.find((v) => v.labels.result === result)?.value ?? 0;
  return { hit: of('hit'), miss: of('miss') };
}

/** The same commands on one server: the service-request happy path, and the mixed process on time and late. */
async function drive(s: Scenario): Promise<string[]> {
  await s.t.http.post('/api/definitions').send({ xml: mixed }).expect(201);
  const sr = await s.start('service-request', request, 'SR-CACHE');
  await s.complete(sr.id, 'Task_RecordRequest');
  await s.complete(sr.id, 'Task_TriageRequest', { faultType: 'hardware', priority: 'P2', simpleFault: false });
  await s.t.as('li.wei', ['technician']); // the Dispatch form takes only an active technician
  await s.complete(sr.id, 'Task_Dispatch', { technician: 'li.wei' });
  await s.complete(sr.id, 'Task_AgreeAppointment', { appointmentAt: '2026-01-06T02:00:00Z' });
  await s.complete(sr.id, 'Task_Diagnose', { diagnosis: 'compressor relay', partsNeeded: false });
  await s.complete(sr.id, 'Task_Repair', { repairNotes: 'replaced relay' });
  await s.complete(sr.id, 'Task_QualityCheck', { fixed: true, customerSignedOff: true });
  await s.complete(sr.id, 'Task_Settlement', { paymentMethod: 'wechatpay' });
  await s.advance(24 * HOUR);
  await s.complete(sr.id, 'Task_FollowUpCall', { satisfactionScore: 5, problemsFound: false });

  const onTime = await s.start('cache-mixed', { devices: ['printer', 'router'] }, 'MIX-1');
  await s.complete(onTime.id, 'Task_A', { note: 'done' });
  await s.message('go', 'MIX-1', { go: true });
  await s.complete(onTime.id, 'Task_B');
  await s.complete(onTime.id, 'Review');
  await s.complete(onTime.id, 'Review');

  const late = await s.start('cache-mixed', { devices: ['x'] }, 'MIX-2');
  await s.advance(3 * HOUR); // the boundary timer fires: on the kept engine when it holds that timer (engine-cache-timers.test.ts)
  await s.complete(late.id, 'Task_Late');
  return [sr.id, onTime.id, late.id];
}

describe('live-engine cache: results equal with and without it', () => {
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

  it('runs the same command sequence both ways, with cache hits on one, and persists the same state, tasks, timers and history', async () => {
    // given two servers at the same fake time, one caching engines and one not
    expect(cached.clock.now()).toEqual(new FakeClock('2026-01-05T01:00:00Z').now());
    // when the same commands run on each
    const before = await lookups();
    const cachedIds = await drive(cached);
    const between = await lookups();
    const uncachedIds = await drive(uncached);
    const after = await lookups();
    // then the cached server reused engines (most task completions and the message) and the other never looked
    expect(between.hit - before.hit).toBeGreaterThanOrEqual(12);
    expect(after.hit - between.hit + after.miss - between.miss).toBe(0);
    // and every persisted row is the same, random ids aside
    const a = await persistedRows(cached.t.databaseUrl, cachedIds);
    const b = await persistedRows(uncached.t.databaseUrl, uncachedIds);
    expect(a.process_instances).toHaveLength(3);
    expect(a.history.length).toBeGreaterThan(40);
    expect(a).toEqual(b);
  });
});
