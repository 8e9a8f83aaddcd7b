// One server process: the Nest application on the shared port, with the first admin created when there is none.
import { createApp } from './app.setup';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { RequestRouter } from './cluster/request-router';
import type { AppConfig } from './config/app-config';

export interface RunningServer {
  close(): Promise<void>;
  /** Set when this process created the first admin with a generated password. */
  admin: { username: string; password: string } | null;
}

export async function startServer(config: AppConfig, databaseUrl: string): Promise<RunningServer> {
  const app = await createApp({ config, databaseUrl });
  await app.init(); // migrations run here, before the first admin is looked for
  const admin = await app.get(AdminBootstrap).ensureAdmin();
  const router = app.get(RequestRouter);
  await router.install(app.getHttpServer()); // in a cluster worker: an instance's commands go to the worker owning it
  await app.listen(config.PORT);
  return { admin, close: () => router.close().then(() => app.close()) };
}
