// The smallest user-task process (start → user task → end): starts/s and completions/s, beside service-request,
// comparable with the per-core figures other engines publish for such a process.
import { withClient } from '../../test/support/database';
import { bpmn } from '../../test/support/bpmn';
import type { Api } from '../lib/api';
import { closedLoop, type LoadResult } from '../lib/load';

export const ONE_TASK_PROCESS = bpmn(
  `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Do" />
  <bpmn:userTask id="Task_Do" name="Do it" camunda:candidateGroups="agent" />
  <bpmn:sequenceFlow id="F2" sourceRef="Task_Do" targetRef="End" /><bpmn:endEvent id="End" name="End" />`,
  { id: 'bench-one-task' },
);

/** Closed loop of starts for `seconds`, then each started instance's task completed (closed loop, timed). */
export async function measureOneTask(api: Api, databaseUrl: string, opts: { seconds: number; concurrency: number }): Promise<{ starts: LoadResult; completions: LoadResult }> {
  await api.deploy(ONE_TASK_PROCESS);
  const ids: string[] = [];
  const tag = `O-${Date.now()}`;
  const start = async (i: number) => void ids.push((await api.post<{ id: string }>('/api/process-instances', { definitionKey: 'bench-one-task', businessKey: `${tag}-${i}`, variables: {} }, 201)).id);
  const starts = await closedLoop(start, { seconds: opts.seconds, concurrency: opts.concurrency });
  if (starts.failed) throw new Error(`${starts.failed} one-task starts failed: ${starts.firstError}`);
  const taskIds = await withClient(databaseUrl, async (db) => (await db.query(`SELECT id FROM tasks WHERE status = 'open' AND instance_id = ANY($1::uuid[])`, [ids])).rows.map((r) => r.id as string));
  const completions = await closedLoop((i) => api.completeTask(taskIds[i], {}), { total: taskIds.length, concurrency: opts.concurrency });
  if (completions.failed) throw new Error(`${completions.failed} one-task completions failed: ${completions.firstError}`);
  return { starts, completions };
}
