// The worst event-loop stall one request causes (issue 14, row 1): the largest accepted start and the refused
// oversized ones, each sent to an in-process server while perf_hooks watches its event loop.
// Run: DATABASE_URL=postgres://… node -r ts-node/register/transpile-only bench/request-stall.ts
// (the database must exist and may be empty; migrations run on start). On a busy machine the stall grows with the
// wait for a core; the CPU time per request (server and client in this process) is the figure an idle core would see.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.setup';
import { AdminBootstrap } from '../src/auth/admin-bootstrap';
import { SystemClock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { SERVICE_REQUEST_START } from '../test/support/service-request';

const PASSWORD = 'stall-bench-password-1';
const ROUNDS = 3;

const keys = (n: number, value: unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));
const start = (variables: Record<string, unknown>) => JSON.stringify({ definitionKey: 'service-request', variables: { ...SERVICE_REQUEST_START, ...variables } });

/** Each case's body is built before the measurement, so the client's own work is not counted. */
function cases(): { name: string; body: string }[] {
  return [
    { name: 'accepted: 993 variables of 250 B (≈256 KB, the byte limit)', body: start(keys(993, 'v'.repeat(250))) },
    { name: 'accepted: one variable holding 22,000 keys (≈256 KB)', body: start({ nested: keys(22_000, 0) }) },
    { name: 'refused: 5,000 variables (55 KB, count limit)', body: start(keys(5000, 0)) },
    { name: 'refused: 50,000 variables (0.5 MB, body limit)', body: start(keys(50_000, 0)) },
    { name: 'refused: 200,000 variables (2.3 MB, body limit)', body: start(keys(200_000, 0)) },
    { name: 'refused: 10 MB JSON body', body: JSON.stringify({ definitionKey: 'service-request', businessKey: 'x'.repeat(10 * 1024 * 1024) }) },
  ];
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('set DATABASE_URL');
  const config = loadConfig({ ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(__dirname, '../processes') });
  const app = await createApp({ config, databaseUrl, clock: new SystemClock() });
  await app.init();
  await app.get(AdminBootstrap).ensureAdmin();
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`, 'content-type': 'application/json' };
  const monitor = monitorEventLoopDelay({ resolution: 5 });
  monitor.enable();
  const only = process.argv[2]; // a word of the case names, to profile one case
  for (const { name, body } of cases().filter((c) => !only || c.name.includes(only))) {
    let worst = 0;
    let status = 0;
    let total = 0;
    let cpu = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await new Promise((r) => setTimeout(r, 50));
      monitor.reset();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const res = await fetch(`${base}/api/process-instances`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      total = Math.max(total, performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu = Math.max(cpu, (used.user + used.system) / 1000);
      status = res.status;
      await new Promise((r) => setTimeout(r, 20)); // let the monitor sample the last turn
      worst = Math.max(worst, monitor.max / 1e6);
    }
    process.stdout.write(`${name.padEnd(60)} → ${status}  worst stall ${worst.toFixed(0)} ms, slowest answer ${total.toFixed(0)} ms, most CPU ${cpu.toFixed(0)} ms (of ${ROUNDS})\n`);
  }
  monitor.disable();
  await app.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
