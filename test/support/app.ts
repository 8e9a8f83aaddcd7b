// Starts the real application on its own fresh PostgreSQL database for one test file.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { resolve } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.setup';
import { AdminBootstrap } from '../../src/auth/admin-bootstrap';
import { Clock, SystemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { createMigratedTestDatabase, dropTestDatabase } from './database';
import { SERVER_ADMIN_PASSWORD, SERVER_JWT_SECRET } from './server-auth';

/** The password of the `admin` every test server starts with (ADMIN_PASSWORD), in-process or as a child process. */
export const TEST_ADMIN_PASSWORD = SERVER_ADMIN_PASSWORD;

type Agent = ReturnType<typeof request.agent>;

export interface TestApp {
  app: NestExpressApplication;
  /** Requests signed in as the admin (who passes every role rule). */
  http: Agent;
  /** Requests without credentials. */
  anon: ReturnType<typeof request>;
  adminToken: string;
  databaseUrl: string;
  /** Requests signed in as `username` holding `roles` (the user is created, or given these roles, first). */
  as(username: string, roles: string[]): Promise<Agent & { token: string }>;
  /** A new API key with these scopes. */
  apiKey(scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const databaseUrl = await createMigratedTestDatabase();
  const config = loadConfig({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, JWT_SECRET: SERVER_JWT_SECRET, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', TIMER_POLL_MS: '0', PROCESSES_DIR: resolve(__dirname, '../../processes'), DB_POOL_SIZE: '10', ...options.env });
  const app = await createApp({ config, databaseUrl, clock: options.clock ?? new SystemClock() });
  await app.init();
  await app.get(AdminBootstrap).ensureAdmin();
  const server = app.getHttpServer();
  const anon = request(server);
  const login = async (username: string, password: string) => (await anon.post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken as string;
  const adminToken = await login('admin', TEST_ADMIN_PASSWORD);
  const http = request.agent(server).set('Authorization', `Bearer ${adminToken}`);
  return {
    app,
    http,
    anon,
    adminToken,
    databaseUrl,
    async as(username, roles) {
      const password = `${username}-password-123`;
      const created = await http.post('/api/users').send({ username, password, roles });
      if (created.status === 409) {
        const users = await http.get('/api/users').query({ limit: 200 }).expect(200);
        const id = users.body.items.find((u: { username: string }) => u.username === username).id;
        await http.patch(`/api/users/${id}`).send({ roles, password }).expect(200);
      } else if (created.status !== 201) throw new Error(`creating user ${username}: ${created.status} ${JSON.stringify(created.body)}`);
      const token = await login(username, password);
      return Object.assign(request.agent(server).set('Authorization', `Bearer ${token}`), { token });
    },
    async apiKey(scopes) {
      return (await http.post('/api/api-keys').send({ name: `test-${scopes.join('-')}`, scopes }).expect(201)).body.key;
    },
    async close() {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
