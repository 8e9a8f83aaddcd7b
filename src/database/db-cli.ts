// `npm run db`: starts only the embedded PostgreSQL under DATA_DIR (no application, no migrations) and prints its URL,
// e.g. to restore a dump into it when upgrading from the Debian-binary version; Ctrl-C stops it.
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from './resolve-database';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL) throw new Error('DATABASE_URL is set: there is no embedded PostgreSQL to start');
  const { url, embedded } = await resolveDatabase(config);
  process.stdout.write(`\nEmbedded PostgreSQL running. Its database (the password is in ${embedded!.passwordFile}):\n  ${url}\nCtrl-C stops it.\n`);
  const keepAlive = setInterval(() => undefined, 1 << 30); // the server runs detached: wait here until Ctrl-C
  const stop = () => void embedded!.stop().then(() => (clearInterval(keepAlive), process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
