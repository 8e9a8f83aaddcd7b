// Drives a real deployed process through the HTTP API with a fake clock: start, complete tasks, send messages, let time pass.
import { DataSource } from 'typeorm';
import { FakeClock } from '../../src/common/clock';
import type { FormField } from '../../src/engine/definition-model';
import { IncidentRetryService } from '../../src/incidents/incident-retry.service';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { startTestApp, type TestApp } from './app';

export interface InstanceView {
  id: string;
  status: string;
  activeActivityIds: string[];
  endActivityId: string | null;
  variables: Record<string, unknown>;
  definitionVersion: number;
  tasks: { id: string; activityId: string; status: string; candidateRoles: string[] }[];
  timers: { activityId: string; /** null while paused (a timer that follows an SLA pause) */ dueAt: string; paused?: boolean; workingLeftMs?: number | null; calendar?: { id: string; name: string; timeZone: string } | null }[];
  history: { at: string; type: string; activityId: string | null; detail: Record<string, unknown> | null }[];
  sla: Record<string, unknown>[];
}

/** A valid value for every required field; scenarios override the ones that choose a path. */
export function fillForm(form: FormField[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of form.filter((f) => f.required)) {
    if (f.type === 'string') values[f.id] = `${f.label} text`;
    if (f.type === 'long') values[f.id] = f.min ?? 1;
    if (f.type === 'boolean') values[f.id] = false;
    if (f.type === 'enum') values[f.id] = f.options?.[0]?.id;
    if (f.type === 'date') values[f.id] = '2026-01-06T02:00:00.000Z';
  }
  return { ...values, ...overrides };
}

export class Scenario {
  readonly clock = new FakeClock('2026-01-05T01:00:00Z');
  t!: TestApp;

  async setUp(): Promise<void> {
    this.t = await startTestApp({ clock: this.clock });
  }

  tearDown(): Promise<void> {
    return this.t.close();
  }

  async start(definitionKey: string, variables: Record<string, unknown>, businessKey?: string): Promise<InstanceView> {
    const res = await this.t.http.post('/api/process-instances').send({ definitionKey, variables, businessKey });
    if (res.status !== 201) throw new Error(`start failed ${res.status}: ${JSON.stringify(res.body)}`);
    return this.instance(res.body.id);
  }

  async instance(id: string): Promise<InstanceView> {
    return (await this.t.http.get(`/api/process-instances/${id}`).expect(200)).body;
  }

  /** Completes the open task of `activityId`, filling its required fields; returns the instance afterwards. */
  async complete(instanceId: string, activityId: string, overrides: Record<string, unknown> = {}): Promise<InstanceView> {
    const tasks = (await this.t.http.get(`/api/tasks?processInstanceId=${instanceId}&status=open`).expect(200)).body.items;
    const task = tasks.find((t: { activityId: string }) => t.activityId === activityId);
    if (!task) throw new Error(`no open task ${activityId}; open: ${tasks.map((t: { activityId: string }) => t.activityId).join(', ') || 'none'}`);
    const res = await this.t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: fillForm(task.form, overrides) });
    if (res.status !== 200) throw new Error(`complete ${activityId} failed ${res.status}: ${JSON.stringify(res.body)}`);
    return this.instance(instanceId);
  }

  async message(messageName: string, businessKey: string, variables?: Record<string, unknown>): Promise<void> {
    await this.t.http.post('/api/messages').send({ messageName, businessKey, variables }).expect(200);
  }

  /** Moves the fake clock and runs whatever fell due (timers, incident retries), as the poller would. */
  async advance(ms: number): Promise<number> {
    this.clock.advance(ms);
    const fired = await this.fireDueSettled();
    await this.t.app.get(IncidentRetryService).retryDue();
    return fired;
  }

  /**
   * Fires what is due until nothing due is left, as the poller's next passes would: a claim skips (SKIP LOCKED) a timer
   * whose instance a background command still holds (an after-commit follow-up of the previous request), so one pass
   * may leave it for the next. Gives up after ~3 s and leaves what is still due to the test's own assertions.
   */
  private async fireDueSettled(): Promise<number> {
    const firing = this.t.app.get(TimerFiringService);
    const dataSource = this.t.app.get(DataSource);
    let fired = await firing.fireDue();
    for (let pass = 0; pass < 30; pass++) {
      const [{ due }] = await dataSource.query('SELECT ((SELECT count(*) FROM timers WHERE due_at <= $1) + (SELECT count(*) FROM start_timers WHERE due_at <= $1))::int AS due', [this.clock.now()]);
      if (!due) break;
      await new Promise((done) => setTimeout(done, 100));
      fired += await firing.fireDue();
    }
    return fired;
  }

  openTasks(view: InstanceView): string[] {
    return view.tasks.filter((t) => t.status === 'open').map((t) => t.activityId);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
