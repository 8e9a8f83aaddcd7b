// One server process: the Nest application on the shared port, with the first admin created when there is none.
import { createApp } from './app.setup';
import { AdminBootstrap } from './auth/admin-bootstrap';
import { RequestRouter } from './cluster/request-router';
import type { AppConfig } from './config/app-config';
import type { Server } from 'node:http';

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
  const http = app.getHttpServer() as Server;
  await router.install(http); // in a cluster worker: an instance's commands go to the worker owning it
  keepConnectionsLongerThanClients(http);
  await app.listen(config.PORT);
  return { admin, close: () => router.close().then(() => app.close()) };
}

/**
 * An idle keep-alive connection stays open longer than clients and proxies keep theirs (fetch: 4 s; load balancers:
 * 60 s), so the client always closes first. With Node's default of 5 s, a busy client could send a request on a
 * connection at the instant the server closed it and get ECONNRESET instead of an answer.
 */
function keepConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000; // must exceed keepAliveTimeout (Node's rule), or idle sockets time out on headers
}
