// A second server process on a test app's database, as another replica behind a load balancer would be.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../../src/app.setup';
import { Clock, SystemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import type { TestApp } from './app';
import { SERVER_JWT_SECRET } from './server-auth';

export async function startReplica(t: TestApp, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<NestExpressApplication> {
  const config = loadConfig({ JWT_SECRET: SERVER_JWT_SECRET, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(__dirname, '../../processes'), DB_POOL_SIZE: '5', ...options.env });
  const app = await createApp({ config, databaseUrl: t.databaseUrl, clock: options.clock ?? new SystemClock() });
  await app.init();
  return app;
}

/** http://127.0.0.1:<port> of an application listening on an ephemeral port. */
export async function listenLocally(app: NestExpressApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}
