// Jest globalSetup: starts one throwaway PostgreSQL cluster for the whole test run and exports its admin URL.
//
// Tests never use this cluster's `postgres` database directly: each test file calls createTestDatabase()
// (test/support/database.ts) to get its own empty database, so files can run in parallel across workers.
// Set TEST_PG_ADMIN_URL beforehand to use an existing server instead (a role that may CREATE DATABASE).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres, findFreePort } from '../../src/database/embedded-postgres';
import { removeOrphanedClusters } from './orphaned-clusters';
import { TEST_CLUSTER_DIR_PREFIX, setTestCluster } from './test-cluster';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_PG_ADMIN_URL) return;

  await removeOrphanedClusters(TEST_CLUSTER_DIR_PREFIX);

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), TEST_CLUSTER_DIR_PREFIX));
  fs.writeFileSync(path.join(tempDir, 'owner.pid'), `${process.pid}\n`);
  const started = Date.now();
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const pg = new EmbeddedPostgres({
      dataDir: path.join(tempDir, 'data'),
      port: await findFreePort(),
      fsync: false,
      logFile: path.join(tempDir, 'postgres.log'),
    });
    try {
      process.env.TEST_PG_ADMIN_URL = await pg.start();
      setTestCluster({ pg, tempDir });
      if (process.env.CI) {
        process.stderr.write(`\n[global-setup] PostgreSQL test cluster on port ${pg.port} (${Date.now() - started} ms)\n`);
      }
      return;
    } catch (error) {
      lastError = error;
      // Another process grabbed the free port between probing and binding: try another one.
      if (!/Address already in use/i.test(String((error as Error).message))) break;
    }
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
  throw lastError;
}
