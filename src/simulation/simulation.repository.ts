// Stored simulation runs, their progress (with its live event, in one transaction) and the actuals a backtest compares.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxRepository } from '../notifications/outbox.repository';
import type { SimulationRow } from './dto/simulation-run.dto';

/** Who sees a run's progress on the live stream (admins see everything). */
const STREAM_ROLES = ['analyst'];

@Injectable()
export class SimulationRepository {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async insert(em: EntityManager, row: Pick<SimulationRow, 'id' | 'definition_key' | 'request' | 'created_by' | 'created_at' | 'owner'>): Promise<void> {
    await em.query(`INSERT INTO simulations (id, definition_key, request, created_by, created_at, owner, heartbeat_at) VALUES ($1, $2, $3, $4, $5, $6, $5)`, [row.id, row.definition_key, JSON.stringify(row.request), row.created_by, row.created_at, row.owner]);
  }

  /** The server running (or queueing) these runs is alive. */
  async heartbeat(owner: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE simulations SET heartbeat_at = $2 WHERE owner = $1 AND status IN ('queued', 'running')`, [owner, at]);
  }

  async find(id: string): Promise<SimulationRow | null> {
    const [row] = await this.db.query(`SELECT * FROM simulations WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Status and progress, and the `simulation.progress` event for the live stream, in one transaction. */
  async progress(id: string, change: { status: SimulationRow['status']; progress: number; error?: string | null; results?: unknown; endedAt?: Date | null }, at: Date): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query(
        `UPDATE simulations SET status = $2, progress = $3, error = coalesce($4, error), results = coalesce($5::jsonb, results), ended_at = coalesce($6, ended_at), heartbeat_at = $7 WHERE id = $1`,
        [id, change.status, change.progress, change.error ?? null, change.results === undefined ? null : JSON.stringify(change.results), change.endedAt ?? null, at],
      );
      await this.outbox.append(em, [{ instanceId: null, type: 'simulation.progress', roles: STREAM_ROLES, payload: { simulationId: id, progress: change.progress, status: change.status }, at }]);
    });
  }

  /** Runs whose server stopped (no heartbeat since `staleBefore`): they cannot resume, their worker is gone. */
  async failInterrupted(staleBefore: Date, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE simulations SET status = 'failed', error = 'interrupted: the server running it stopped; start it again', ended_at = $2 WHERE status IN ('queued', 'running') AND heartbeat_at < $1`,
      [staleBefore, at],
    );
  }

  /** What happened in a period: SLA breaches by policy (by when they fell due), and resolutions (process clocks stopped). */
  async actuals(key: string, from: Date, to: Date): Promise<{ breaches: Record<string, number>; resolutions: number; meanResolutionHours: number | null; started: number }> {
    const breaches = await this.db.query(
      `SELECT c.policy, count(*) FILTER (WHERE c.breached_at >= $2 AND c.breached_at < $3)::int AS n FROM sla_clocks c JOIN process_instances p ON p.id = c.instance_id
       WHERE p.definition_key = $1 GROUP BY c.policy ORDER BY 1`,
      [key, from, to],
    );
    const [res] = await this.db.query(
      `SELECT count(*)::int AS n, avg(extract(epoch FROM c.stopped_at - c.started_at) / 3600)::float8 AS hours FROM sla_clocks c JOIN process_instances p ON p.id = c.instance_id
       WHERE p.definition_key = $1 AND c.scope = 'process' AND c.status IN ('met', 'missed') AND c.stopped_at >= $2 AND c.stopped_at < $3`,
      [key, from, to],
    );
    const [started] = await this.db.query(`SELECT count(*)::int AS n FROM process_instances WHERE definition_key = $1 AND started_at >= $2 AND started_at < $3`, [key, from, to]);
    return { breaches: Object.fromEntries(breaches.map((b: { policy: string; n: number }) => [b.policy, b.n])), resolutions: res.n, meanResolutionHours: res.hours, started: started.n };
  }
}
