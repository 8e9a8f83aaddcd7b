// Shared state between jest globalSetup and globalTeardown (both run in jest's parent process): the test run's cluster.
import type { EmbeddedPostgres } from '../../src/database/embedded-postgres';

/** Prefix of the per-run temp directories under os.tmpdir(). */
export const TEST_CLUSTER_DIR_PREFIX = 'serviceflow-test-pg-';

export interface TestCluster {
  pg: EmbeddedPostgres;
  tempDir: string;
}

const KEY = Symbol.for('serviceflow.testCluster');
type Holder = { [KEY]?: TestCluster };

export function getTestCluster(): TestCluster | undefined {
  return (globalThis as Holder)[KEY];
}

export function setTestCluster(cluster: TestCluster | undefined): void {
  (globalThis as Holder)[KEY] = cluster;
}
