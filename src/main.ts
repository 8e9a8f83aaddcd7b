// Entry point of `npm start`: validate config, pick the database (embedded when DATABASE_URL is unset), serve.
import 'reflect-metadata';
import { loadConfig } from './config/app-config';
import { createApp } from './app.setup';
import { resolveDatabase } from './database/resolve-database';
import { announceAdmin } from './auth/admin-announcement';
import { AdminBootstrap } from './auth/admin-bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url, embedded } = await resolveDatabase(config);
  const app = await createApp({ config, databaseUrl: url });
  await app.init(); // migrations run here, before the first admin is looked for
  const admin = await app.get(AdminBootstrap).ensureAdmin();
  await app.listen(config.PORT);
  const shutdown = async () => {
    await app.close();
    await embedded?.stop(); // a kill -9 leaves it running; the next start reuses it
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const base = `http://localhost:${config.PORT}`;
  // Plain stdout so a first-time user sees where to go, whatever the log level.
  const firstAdmin = admin ? announceAdmin(config.DATA_DIR, admin) : '';
  process.stdout.write(`\nServiceFlow is running: ${base}/  (API docs: ${base}/api/docs)\n\n${firstAdmin}`);
}

main().catch((err: Error) => {
  process.stderr.write(`ServiceFlow failed to start: ${err.message}\n`);
  process.exit(1);
});
