// Throwaway PostgreSQL clusters (the tests', the bench's) live in temp dirs named by a prefix, with the pid of the
// process that owns them in owner.pid. A run that was killed leaves its cluster running: the next run removes it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

/** Stops and deletes the clusters under os.tmpdir() named `prefix…` whose owner process is gone. */
export async function removeOrphanedClusters(prefix: string): Promise<void> {
  const tmp = os.tmpdir();
  let entries: string[];
  try {
    entries = fs.readdirSync(tmp).filter((e) => e.startsWith(prefix));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(tmp, entry);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8').trim());
      if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
      await new EmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 1 }).stop();
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours to clean, or half-written: leave it.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
