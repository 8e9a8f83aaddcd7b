// Jest globalTeardown: stops the test run's PostgreSQL cluster and deletes its temp directory.
import * as fs from 'node:fs';
import { getTestCluster, setTestCluster } from './test-cluster';

export default async function globalTeardown(): Promise<void> {
  const cluster = getTestCluster();
  if (!cluster) return; // TEST_PG_ADMIN_URL was given from outside: nothing of ours to stop
  setTestCluster(undefined);
  delete process.env.TEST_PG_ADMIN_URL;
  try {
    await cluster.pg.stop();
  } finally {
    fs.rmSync(cluster.tempDir, { recursive: true, force: true });
  }
}
