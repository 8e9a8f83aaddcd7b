// Shared by the restart and replica tests: a process that waits on a timer date, then notifies and opens a task;
// and database checks that every timer had its effect exactly once.
import { withClient } from './database';
import { bpmn } from './bpmn';
import { adminHeaders } from './server-auth';

export const TIMER_PROCESS = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Due" />
  <bpmn:intermediateCatchEvent id="Due" name="Due"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=at</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="F2" sourceRef="Due" targetRef="Notify" />
  <bpmn:serviceTask id="Notify" name="Notify" camunda:type="external" camunda:topic="notifyCustomer" />
  <bpmn:sequenceFlow id="F3" sourceRef="Notify" targetRef="FollowUp" />
  <bpmn:userTask id="FollowUp" name="Follow up" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F4" sourceRef="FollowUp" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'timer-load' },
);

/** Starts `count` instances whose timer falls due at `at`, spreading requests over the servers. */
export async function startTimerInstances(baseUrls: string[], count: number, at: Date, concurrency = 16, keyPrefix = 'T-'): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async (w: number) => {
    while (next < count) {
      const i = next++;
      const baseUrl = baseUrls[(i + w) % baseUrls.length];
      const res = await fetch(`${baseUrl}/api/process-instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await adminHeaders(baseUrl)) },
        body: JSON.stringify({ definitionKey: 'timer-load', businessKey: `${keyPrefix}${i}`, variables: { at: at.toISOString() } }),
      });
      if (res.status !== 201) throw new Error(`start ${i}: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return ids;
}

export interface TimerEffects {
  pendingTimers: number;
  /** instances whose timer fired, notification was sent and task was created exactly once */
  exactlyOnce: number;
  duplicates: number;
  missing: number;
  latenessMs: number[];
}

/** Counts the effects of the timers in the database (history and tasks), per instance. */
export async function timerEffects(databaseUrl: string, dueAt: Date): Promise<TimerEffects> {
  return withClient(databaseUrl, async (db) => {
    const pending = await db.query(`SELECT count(*)::int AS n FROM timers t JOIN process_instances i ON i.id = t.instance_id WHERE i.definition_key = 'timer-load'`);
    const rows = await db.query(`
      SELECT i.id,
        (SELECT count(*) FROM history h WHERE h.instance_id = i.id AND h.type = 'timer.fired')::int AS fired,
        (SELECT count(*) FROM history h WHERE h.instance_id = i.id AND h.type = 'customer.notified')::int AS notified,
        (SELECT count(*) FROM tasks t WHERE t.instance_id = i.id)::int AS tasks,
        (SELECT min(h.at) FROM history h WHERE h.instance_id = i.id AND h.type = 'timer.fired') AS fired_at
      FROM process_instances i WHERE i.definition_key = 'timer-load'`);
    let exactlyOnce = 0;
    let duplicates = 0;
    let missing = 0;
    const latenessMs: number[] = [];
    for (const r of rows.rows) {
      if (r.fired === 1 && r.notified === 1 && r.tasks === 1) exactlyOnce++;
      else if (r.fired > 1 || r.notified > 1 || r.tasks > 1) duplicates++;
      else missing++;
      if (r.fired_at) latenessMs.push(new Date(r.fired_at).getTime() - dueAt.getTime());
    }
    return { pendingTimers: pending.rows[0].n, exactlyOnce, duplicates, missing, latenessMs: latenessMs.sort((a, b) => a - b) };
  });
}

/** Moves every armed timer of the timer-load instances to one instant (what the passing of time does to due rows). */
export async function moveDueTimes(databaseUrl: string, dueAt: Date): Promise<number> {
  return withClient(databaseUrl, async (db) => (await db.query(`UPDATE timers SET due_at = $1 WHERE instance_id IN (SELECT id FROM process_instances WHERE definition_key = 'timer-load')`, [dueAt])).rowCount ?? 0);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
