// Shared by the query benches (tasklist, instance search): the app on DATABASE_URL, and a median of repeated timings.
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.setup';
import { SystemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';

/** The application (no port, no timer poller) on the database of DATABASE_URL, with the given first-admin password. */
export async function startQueryBenchApp(adminPassword: string): Promise<{ app: INestApplication; databaseUrl: string }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('set DATABASE_URL');
  const config = loadConfig({ ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'silent', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(__dirname, '../../processes') });
  const app = await createApp({ config, databaseUrl, clock: new SystemClock() });
  await app.init();
  return { app, databaseUrl };
}

/** The median wall time of `n` runs of `fn`, in ms. */
export async function median(fn: () => Promise<unknown>, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}
