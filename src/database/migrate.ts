// Runs pending migrations under a PostgreSQL advisory lock, so that replicas or cluster workers starting together
// on a fresh database migrate it once (the others wait, then find nothing to do).
import type { DataSource } from 'typeorm';

/** Arbitrary, fixed: "serviceflow migrations". */
const MIGRATION_LOCK = 7_240_001;

export async function migrateLocked(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
