// Durable event-subprocess starts across kill -9: the timer start of an interrupting event subprocess is a timer row
// like any other, so one that falls due while the server is down fires once after restart and interrupts the instance.
import { bpmn } from '../support/bpmn';
import { createTestDatabase, dropTestDatabase, withClient } from '../support/database';
import { adminHeaders } from '../support/server-auth';
import { ServerProcess } from '../support/server-process';
import { waitFor } from '../support/timer-load';

/** Servers boot slowly on a busy machine. */
const BOOT_MS = 150_000;

const DIAGRAM = bpmn(
  `<bpmn:startEvent id="Start" name="s" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" /><bpmn:userTask id="Work" name="work" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End" /><bpmn:endEvent id="End" name="e" />
  <bpmn:subProcess id="Overdue" name="overdue" triggeredByEvent="true">
    <bpmn:startEvent id="OverdueStart" name="o"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:sequenceFlow id="O1" sourceRef="OverdueStart" targetRef="Chase" /><bpmn:userTask id="Chase" name="chase" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="O2" sourceRef="Chase" targetRef="OEnd" /><bpmn:endEvent id="OEnd" name="oe" />
  </bpmn:subProcess>`,
  { id: 'esp-kill9' },
);

function query<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(databaseUrl, async (db) => (await db.query(sql, params)).rows as T[]);
}

describe('event subprocess timer start across kill -9', () => {
  let databaseUrl: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.kill9();
    await dropTestDatabase(databaseUrl);
  });

  it('a start that fell due while the server was down fires exactly once after restart', async () => {
    // given an instance whose event-subprocess timer is a day ahead, and the server killed
    server = await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '0' }, BOOT_MS);
    const headers = { 'content-type': 'application/json', ...(await adminHeaders(server.baseUrl)) };
    expect((await fetch(`${server.baseUrl}/api/definitions`, { method: 'POST', headers, body: JSON.stringify({ xml: DIAGRAM }) })).status).toBe(201);
    const started = await fetch(`${server.baseUrl}/api/process-instances`, { method: 'POST', headers, body: JSON.stringify({ definitionKey: 'esp-kill9' }) });
    const { id } = (await started.json()) as { id: string };
    await server.kill9();
    // while it is down the timer falls due
    const moved = await query(databaseUrl, `UPDATE timers SET due_at = now() - interval '1 second' WHERE instance_id = $1 AND activity_id = 'OverdueStart' RETURNING id`, [id]);
    expect(moved).toHaveLength(1);
    // when the server is back and polls
    server = await ServerProcess.start(databaseUrl, { TIMER_POLL_MS: '50' }, BOOT_MS);
    await waitFor(async () => (await query(databaseUrl, `SELECT id FROM timers WHERE instance_id = $1`, [id])).length === 0, 20_000);
    // then the event subprocess ran once and the main task was cancelled
    const tasks = await query<{ activity_id: string; status: string }>(databaseUrl, `SELECT activity_id, status FROM tasks WHERE instance_id = $1 ORDER BY activity_id`, [id]);
    expect(tasks).toEqual([
      { activity_id: 'Chase', status: 'open' },
      { activity_id: 'Work', status: 'cancelled' },
    ]);
  }, 360_000);
});
