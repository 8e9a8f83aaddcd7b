// The README's external task worker (examples/external-task-worker.mjs) run as it is against a real server: it
// completes a task, and counts a failing one down to an incident with its retry timeout (fake clock on the server).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { FakeClock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../support/app';
import { invoiceProcess } from '../support/external-tasks';

const WORKER = resolve(__dirname, '../../examples/external-task-worker.mjs');

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the README worker', () => {
  const clock = new FakeClock('2026-01-05T01:00:00Z');
  let t: TestApp;
  let worker: ChildProcess;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { EXTERNAL_TASK_POLL_MS: '50' } });
    await t.app.listen(0, '127.0.0.1');
    const api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
    await t.http.post('/api/definitions').send({ xml: invoiceProcess() }).expect(201);
    const key = await t.apiKey(['external-tasks']);
    worker = spawn(process.execPath, [WORKER], { env: { ...process.env, SERVICEFLOW_API: api, SERVICEFLOW_KEY: key }, stdio: 'ignore' });
  });
  afterAll(async () => {
    worker.kill('SIGKILL');
    await t.close();
  });

  const start = async (variables: object) => (await t.http.post('/api/process-instances').send({ definitionKey: 'ext-invoice', variables }).expect(201)).body.id as string;
  const instance = (id: string) => t.http.get(`/api/process-instances/${id}`).then((r) => r.body);

  it('is the code the README shows', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(readFileSync(WORKER, 'utf8').trim());
  });

  it('completes a task', async () => {
    const id = await start({ amount: 120 });
    const view = await eventually(() => instance(id), (v) => v.status === 'completed');
    expect(view).toMatchObject({ status: 'completed', variables: { invoiceNo: 'F-120' } });
  });

  it('reports failures with retries every 10 s until an incident opens', async () => {
    const id = await start({ amount: 0 });
    const tasksOf = () => t.http.get(`/api/external-tasks?processInstanceId=${id}`).then((r) => r.body.items[0]);
    for (const retries of [3, 2, 1]) {
      expect(await eventually(tasksOf, (x) => x.retries === retries)).toMatchObject({ retries, errorMessage: 'no amount to invoice' });
      clock.advance(10_000);
    }
    const incidents = await eventually(() => t.http.get(`/api/incidents?processInstanceId=${id}`).then((r) => r.body.items), (i) => i.length > 0);
    expect(incidents).toEqual([expect.objectContaining({ status: 'open', activityId: 'SendInvoice', error: expect.stringContaining('no amount to invoice') })]);
    expect((await tasksOf()).retries).toBe(0);
  });
});
