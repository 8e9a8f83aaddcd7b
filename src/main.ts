// Entry point of `npm start`: validate config, pick the database (embedded when DATABASE_URL is unset), then serve,
// in one process or in several workers sharing the port (WEB_CONCURRENCY; one per core by default).
import 'reflect-metadata';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { announceAdmin } from './auth/admin-announcement';
import { carryLegacyTokenSecret } from './auth/legacy-token-secret';
import { runPrimary, type WorkerMessage } from './cluster-primary';
import { loadConfig, workerCount, type AppConfig } from './config/app-config';
import { resolveDatabase } from './database/resolve-database';

/** One line of start-up progress on stdout, whatever the log level (a first-time user watches `npm start`). */
const progress = (line: string) => void process.stdout.write(`${line}\n`);

function banner(config: AppConfig, workers: number, admin: WorkerMessage['admin']): void {
  const base = `http://localhost:${config.PORT}`;
  const processes = workers > 1 ? `  [${workers} workers]` : '';
  // Plain stdout so a first-time user sees where to go, whatever the log level.
  const firstAdmin = admin ? announceAdmin(config.DATA_DIR, admin) : '';
  process.stdout.write(`\nServiceFlow is running: ${base}/  (API docs: ${base}/api/docs)${processes}\n\n${firstAdmin}`);
}

/** `npm start -- --demo`: on an empty database, weeks of simulated history first (src/demo); otherwise nothing. */
async function demoAtStart(config: AppConfig, url: string): Promise<void> {
  progress('Loading demo data (--demo): simulating a few weeks of service-desk work, a few minutes …');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runDemoLoad } = require('./demo/demo-app') as typeof import('./demo/demo-app');
  const summary = await runDemoLoad(config, url, { onlyIfEmpty: true });
  progress(summary ? `Demo data loaded: ${summary.instances} process instances; remove it with \`npm run demo -- --remove\`.` : 'Demo data skipped: the database already has process instances.');
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Loaded lazily: a cluster primary never builds the application, so it stays small and starts fast.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loadServer = async (): Promise<typeof import('./server.js').startServer> => require('./server').startServer;
  if (cluster.isWorker) {
    const startServer = await loadServer();
    const server = await startServer(config, config.DATABASE_URL!);
    process.send?.({ type: 'ready', admin: server.admin } satisfies WorkerMessage);
    process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
    process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole group: the primary stops the workers in order
    return;
  }
  const workers = workerCount(config, availableParallelism());
  progress(config.DATABASE_URL ? 'Connecting to DATABASE_URL …' : `Starting the embedded PostgreSQL in ${config.DATA_DIR} (initialising it on the first start) …`);
  const { url, embedded } = await resolveDatabase(config);
  await carryLegacyTokenSecret(config, url);
  if (process.argv.includes('--demo')) await demoAtStart(config, url);
  progress(`Migrating the database, deploying ${config.PROCESSES_DIR}/*.bpmn and starting ${workers} server process(es) …`);
  if (workers > 1) {
    // A kill -9 of the primary leaves the embedded PostgreSQL running; the next start reuses it.
    runPrimary({ config, databaseUrl: url, workers, onReady: (admin) => banner(config, workers, admin), onStop: async () => void (await embedded?.stop()) });
    return;
  }
  const server = await (await loadServer())(config, url);
  const shutdown = async () => {
    await server.close();
    await embedded?.stop(); // a kill -9 leaves it running; the next start reuses it
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  banner(config, 1, server.admin);
}

main().catch((err: Error) => {
  process.stderr.write(`ServiceFlow failed to start: ${err.message}\n`);
  process.exit(1);
});
