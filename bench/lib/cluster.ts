// The bench's own throwaway PostgreSQL cluster (durable: fsync and synchronous_commit on) and the machine it runs on.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres, findFreePort } from '../../src/database/embedded-postgres';
import { removeOrphanedClusters } from '../../test/setup/orphaned-clusters';
import { withClient } from '../../test/support/database';

const BENCH_DIR_PREFIX = 'serviceflow-bench-';

export interface BenchCluster {
  createDatabase(name: string): Promise<string>;
  /** The postmaster's pid (its backends are its children). */
  postgresPid(): number;
  stop(): Promise<void>;
}

/** initdb + start in a temp dir, with the product's EmbeddedPostgres and its defaults (fsync on). */
export async function startCluster(): Promise<BenchCluster> {
  await removeOrphanedClusters(BENCH_DIR_PREFIX);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), BENCH_DIR_PREFIX));
  fs.writeFileSync(path.join(tempDir, 'owner.pid'), `${process.pid}\n`);
  const pg = new EmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), port: await findFreePort(), fsync: true, logFile: path.join(tempDir, 'postgres.log') });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pg.stop().catch((err) => process.stderr.write(`bench: stopping PostgreSQL: ${(err as Error).message}\n`));
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    await pg.start();
  } catch (err) {
    await stop();
    throw err;
  }
  const postgresPid = () => Number(fs.readFileSync(path.join(tempDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { createDatabase: (name) => pg.createDatabase(name), postgresPid, stop };
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memGb: number;
  node: string;
  postgres: string;
  os: string;
  loadAvgAtStart: number[];
}

export async function machineInfo(databaseUrl: string): Promise<MachineInfo> {
  return withClient(databaseUrl, async (db) => {
    const settings = await db.query(`SELECT current_setting('server_version') AS v, current_setting('fsync') AS f, current_setting('synchronous_commit') AS s`);
    const { v, f, s } = settings.rows[0];
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      postgres: `${v} (fsync=${f}, synchronous_commit=${s})`,
      os: `${osName()} (${os.type()} ${os.release()})`,
      loadAvgAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
  });
}

function osName(): string {
  try {
    return /PRETTY_NAME="?([^"\n]+)/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.platform();
  } catch {
    return os.platform();
  }
}
