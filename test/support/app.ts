// Starts the real application on its own fresh PostgreSQL database for one test file.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { resolve } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.setup';
import { Clock, SystemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { createTestDatabase, dropTestDatabase } from './database';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function startTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(__dirname, '../../processes'), DB_POOL_SIZE: '10', ...options.env });
  const app = await createApp({ config, databaseUrl, clock: options.clock ?? new SystemClock() });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    databaseUrl,
    async close() {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
