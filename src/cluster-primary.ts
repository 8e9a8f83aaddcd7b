// The primary of `npm start` with several workers (node cluster): it owns the embedded PostgreSQL, forks the
// workers that share the port, restarts one that dies (in the same slot: it owns the same instances, see src/cluster),
// and reports once when all are listening.
import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './config/app-config';
import { serveClusterMetrics } from './observability/cluster-metrics';

export type WorkerMessage = { type: 'ready'; admin: { username: string; password: string } | null };

const RESTART_DELAY_MS = 1_000;

export function runPrimary(options: { config: AppConfig; databaseUrl: string; workers: number; onReady(admin: WorkerMessage['admin']): void; onStop(): Promise<void> }): void {
  let stopping = false;
  let ready = 0;
  let admin: WorkerMessage['admin'] = null;
  const booted = new Set<number>();
  const slots = new Map<number, number>();
  const fork = (slot: number): Worker => {
    // Workers reach the database the primary resolved (they never start an embedded server of their own).
    const worker = cluster.fork({ DATABASE_URL: options.databaseUrl, WEB_CONCURRENCY: '1', CLUSTER_SLOT: String(slot), CLUSTER_SIZE: String(options.workers) });
    slots.set(worker.id, slot);
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type !== 'ready') return;
      booted.add(worker.id);
      admin ??= message.admin;
      if (++ready === options.workers) options.onReady(admin);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!booted.has(worker.id)) {
      // A worker that cannot even start (bad configuration, unreachable database) will not start next time either.
      process.stderr.write(`ServiceFlow worker ${worker.process.pid} failed while starting (${signal ?? code}); stopping\n`);
      void shutdown(1);
      return;
    }
    process.stderr.write(`ServiceFlow worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    const slot = slots.get(worker.id) ?? 0;
    slots.delete(worker.id);
    setTimeout(() => fork(slot), RESTART_DELAY_MS);
  });
  serveClusterMetrics();
  for (let slot = 0; slot < options.workers; slot++) fork(slot);
  async function shutdown(code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => new Promise<void>((done) => (w && !w.isDead() ? (w.once('exit', () => done()), w.kill('SIGTERM')) : done()))));
    await options.onStop();
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
