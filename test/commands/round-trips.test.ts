// Round trips to PostgreSQL of one start, one task completion and a timer firing (every statement the pg client sends,
// BEGIN and COMMIT included), counted at the driver, so the persist step stays lean: a participant with nothing to do
// (no wait of its kind before or after the command) sends nothing. Run with ROUND_TRIPS_VERBOSE=1 to list them.
// Only statements sent on behalf of the measured call count (AsyncLocalStorage), not the background pollers'.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import type { Principal } from '../../src/auth/principal';
import { InstanceCommandsService } from '../../src/commands/instance-commands.service';
import { DefinitionCache } from '../../src/definitions/definition-cache';
import { TasksService } from '../../src/tasks/tasks.service';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { startTestApp, type TestApp } from '../support/app';
import { fillForm } from '../support/scenario';
import { TIMER_PROCESS } from '../support/timer-load';

const measured = new AsyncLocalStorage<string[]>();
const original = Client.prototype.query;

async function counted<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
  const statements: string[] = [];
  const value = await measured.run(statements, work);
  if (process.env.ROUND_TRIPS_VERBOSE) process.stdout.write(`${statements.length} round trips:\n${statements.map((s) => `  ${s.slice(0, 140)}`).join('\n')}\n`);
  return { value, statements };
}

describe('round trips of a command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      if (text) measured.getStore()?.push(text.replace(/\s+/g, ' '));
      return (original as any).apply(this, args);
    };
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t.close();
  });

  it('starts a service request and completes its first task in few round trips', async () => {
    // given the shipped service-request process
    const definition = await t.app.get(DefinitionCache).version('service-request', undefined);
    // when one instance starts and its first task is completed
    const start = await counted(() => t.app.get(InstanceCommandsService).start(definition, null, { customerName: 'Wang', phone: '13800000000', faultType: 'hardware' }));
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${start.value.instance.id}&status=open`).expect(200)).body.items;
    const completion = await counted(() => t.app.get(TasksService).complete(task.id, { variables: fillForm(task.form) }));
    // then
    expect(completion.value.status).toBe('completed');
    process.stdout.write(`round trips: start ${start.statements.length}, task completion ${completion.statements.length}\n`);
    // (before the participants decided from the command's own waits: 9 and 26; before the completion answered from the
    // row its update returned and the instance in hand: 8 and 18; before history and outbox rows went in one statement: 8
    // and 15; before SLA clocks and their check timers joined that statement: 7 and 14)
    expect(start.statements.length).toBeLessThanOrEqual(Number(process.env.ROUND_TRIPS_MAX_START ?? 5));
    expect(completion.statements.length).toBeLessThanOrEqual(Number(process.env.ROUND_TRIPS_MAX_COMPLETE ?? 12));
  });

  it('claims a task in few round trips', async () => {
    // given an open first task of a service request
    const definition = await t.app.get(DefinitionCache).version('service-request', undefined);
    const start = await t.app.get(InstanceCommandsService).start(definition, null, { customerName: 'Li', phone: '13900000000', faultType: 'hardware' });
    const [task] = (await t.http.get(`/api/tasks?processInstanceId=${start.instance.id}&status=open`).expect(200)).body.items;
    // when a supervisor claims it (their groups are read to check they may see it)
    const supervisor: Principal = { kind: 'user', id: 'round-trips', name: 'admin', roles: ['supervisor'] };
    const claim = await counted(() => t.app.get(TasksService).claim(task.id, { assignee: 'admin' }, supervisor));
    // then
    expect(claim.value).toMatchObject({ id: task.id, assignee: 'admin', status: 'open' });
    process.stdout.write(`round trips: claim ${claim.statements.length}\n`);
    // (before the claim answered from the row its update returned, and read a lead's groups it does not need: 10)
    expect(claim.statements.length).toBeLessThanOrEqual(Number(process.env.ROUND_TRIPS_MAX_CLAIM ?? 7));
  });

  it('fires a batch of timers in few round trips each', async () => {
    // given ten instances of the bench's timer process, their timers due in an hour
    await t.http.post('/api/definitions').send({ xml: TIMER_PROCESS }).expect(201);
    const at = new Date(Date.now() + 3600_000);
    for (let i = 0; i < 10; i++) await t.http.post('/api/process-instances').send({ definitionKey: 'timer-load', variables: { at: at.toISOString() } }).expect(201);
    // when they fall due and fire
    const firing = await counted(() => t.app.get(TimerFiringService).fireDue(new Date(at.getTime() + 1000), 10));
    // then each fired, and a firing took few statements (claims, commits and the empty claims of idle loops shared out)
    expect(firing.value).toBe(10);
    const perFiring = firing.statements.length / 10;
    process.stdout.write(`round trips: timer firing ${perFiring}\n`);
    // (before the participants decided from the command's own waits: 15.7; before history and outbox rows went in one statement: 7.7)
    expect(perFiring).toBeLessThanOrEqual(Number(process.env.ROUND_TRIPS_MAX_TIMER ?? 6.7));
  });
});
