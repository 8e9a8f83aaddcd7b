// The history a simulation model is learned from: arrivals, task durations, submitted decisions, activity visits,
// staffing and survey answers of one process over a window (aggregated in SQL).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Window {
  key: string;
  from: Date;
  to: Date;
  /** Only these versions (all when empty). */
  versions: number[];
  timeZone: string;
}

const SCOPE = `p.definition_key = $1 AND p.started_at >= $2 AND p.started_at < $3 AND (cardinality($4::int[]) = 0 OR p.definition_version = ANY($4::int[]))`;
/** When a task's work began: its claim, or its creation when nobody claimed it (or it was claimed before it opened). */
const WORK_FROM = `greatest(t.created_at, coalesce(t.claimed_at, t.created_at))`;
const args = (w: Window) => [w.key, w.from, w.to, w.versions];

export interface ArrivalRow { dow: number; hour: number; channel: string | null; priority: string | null; n: number }
export interface DurationRow { activityId: string; name: string; role: string | null; n: number; claimed?: number; meanS: number; sdS: number | null }
export interface DecisionRow { activityId: string; field: string; value: string; n: number }
export interface CountRow { key: string; n: number }

@Injectable()
export class SimulationModelRepository {
  constructor(private readonly db: DataSource) {}

  /** Starts by local weekday (ISO: 1 = Monday) and hour, channel and priority (urgent complaints count as `urgent`). */
  async arrivals(w: Window): Promise<ArrivalRow[]> {
    const rows = await this.db.query(
      `SELECT extract(isodow FROM p.started_at AT TIME ZONE $5)::int AS dow, extract(hour FROM p.started_at AT TIME ZONE $5)::int AS hour,
              p.variables->>'channel' AS channel,
              coalesce(p.variables->>'priority', CASE WHEN p.variables->>'urgent' = 'true' THEN 'urgent' WHEN p.variables ? 'urgent' THEN 'normal' END) AS priority,
              count(*)::int AS n
       FROM process_instances p WHERE ${SCOPE} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [...args(w), w.timeZone],
    );
    return rows;
  }

  /**
   * Completed user tasks: count, mean and standard deviation of their time in work (seconds), per activity and role.
   * A task is in work from its claim (someone took it) or, never claimed, from its creation: the wait before a claim is
   * the queue's, which a run makes itself from the staffing.
   */
  async durations(w: Window): Promise<DurationRow[]> {
    const rows = await this.db.query(
      `SELECT t.activity_id, min(t.name) AS name, t.candidate_roles[1] AS role, count(*)::int AS n, count(t.claimed_at)::int AS claimed,
              avg(extract(epoch FROM t.ended_at - ${WORK_FROM}))::float8 AS mean_s, stddev_samp(extract(epoch FROM t.ended_at - ${WORK_FROM}))::float8 AS sd_s
       FROM tasks t JOIN process_instances p ON p.id = t.instance_id
       WHERE ${SCOPE} AND t.status = 'completed' AND t.ended_at IS NOT NULL GROUP BY t.activity_id, t.candidate_roles[1] ORDER BY 1, 3`,
      args(w),
    );
    return rows.map((r: any) => ({ activityId: r.activity_id, name: r.name, role: r.role, n: r.n, claimed: r.claimed, meanS: r.mean_s, sdS: r.sd_s }));
  }

  /** What was submitted in each task's fields (the variables the gateways decide on). */
  async decisions(w: Window): Promise<DecisionRow[]> {
    const rows = await this.db.query(
      `SELECT t.activity_id, f.key AS field, f.value, count(*)::int AS n
       FROM tasks t JOIN process_instances p ON p.id = t.instance_id, jsonb_each_text(coalesce(t.submitted, '{}'::jsonb)) f
       WHERE ${SCOPE} AND t.status = 'completed'
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(t.form) ff WHERE ff->>'id' = f.key AND ff->>'type' IN ('boolean', 'enum'))
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      args(w),
    );
    return rows.map((r: any) => ({ activityId: r.activity_id, field: r.field, value: r.value, n: r.n }));
  }

  /** How many instances reached each activity at least once, and the number of instances. */
  async visits(w: Window): Promise<{ instances: number; byActivity: CountRow[] }> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM process_instances p WHERE ${SCOPE}`, args(w));
    const rows = await this.db.query(
      `SELECT h.activity_id AS key, count(DISTINCT h.instance_id)::int AS n FROM history h JOIN process_instances p ON p.id = h.instance_id
       WHERE ${SCOPE} AND h.type = 'activity.started' AND h.activity_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
      args(w),
    );
    return { instances: n, byActivity: rows };
  }

  /** Active users per role, and the working calendars of the technicians. */
  async staffing(): Promise<{ roles: CountRow[]; calendars: CountRow[] }> {
    const roles = await this.db.query(`SELECT r AS key, count(*)::int AS n FROM users u, unnest(u.roles) r WHERE u.active GROUP BY r ORDER BY r`);
    const calendars = await this.db.query(`SELECT c.calendar AS key, count(*)::int AS n FROM technician_profiles c JOIN users u ON u.id = c.user_id WHERE u.active GROUP BY 1 ORDER BY 1`);
    return { roles, calendars };
  }

  /** Surveys of resolutions of this process in the window: sent, and the answers' overall and NPS scores. */
  async surveys(w: Window): Promise<{ total: number; overall: CountRow[]; nps: CountRow[] }> {
    const scope = `s.source_definition_key = $1 AND s.created_at >= $2 AND s.created_at < $3 AND (cardinality($4::int[]) = 0 OR s.source_definition_version = ANY($4::int[]))`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM surveys s WHERE ${scope}`, args(w));
    const overall = await this.db.query(`SELECT s.overall::text AS key, count(*)::int AS n FROM surveys s WHERE ${scope} AND s.status = 'answered' GROUP BY 1 ORDER BY 1`, args(w));
    const nps = await this.db.query(`SELECT s.nps::text AS key, count(*)::int AS n FROM surveys s WHERE ${scope} AND s.status = 'answered' GROUP BY 1 ORDER BY 1`, args(w));
    return { total: n, overall, nps };
  }

  /** Each completed user task's span in work (claim or creation → end), for fits in working time (at most `limit` of the latest). */
  async taskSpans(w: Window, limit = 200_000): Promise<{ activityId: string; role: string | null; createdAt: Date; endedAt: Date }[]> {
    const rows = await this.db.query(
      `SELECT t.activity_id, t.candidate_roles[1] AS role, ${WORK_FROM} AS created_at, t.ended_at FROM tasks t JOIN process_instances p ON p.id = t.instance_id
       WHERE ${SCOPE} AND t.status = 'completed' AND t.ended_at IS NOT NULL ORDER BY t.created_at DESC LIMIT ${Number(limit)}`,
      args(w),
    );
    return rows.map((r: any) => ({ activityId: r.activity_id, role: r.role, createdAt: r.created_at, endedAt: r.ended_at }));
  }

  /**
   * The most tasks of each role in work at once in the window (every process: people work on all of them). Where a
   * role's tasks are claimed, only claimed tasks count (a task nobody claims waits on someone else, e.g. the customer).
   */
  async peakOpenTasks(w: Window): Promise<CountRow[]> {
    return this.db.query(
      `WITH claiming AS (SELECT DISTINCT t.candidate_roles[1] AS role FROM tasks t WHERE t.claimed_at IS NOT NULL AND t.candidate_roles[1] IS NOT NULL AND t.created_at < $2 AND coalesce(t.ended_at, 'infinity') > $1),
       worked AS (SELECT t.* FROM tasks t WHERE t.claimed_at IS NOT NULL OR t.candidate_roles[1] NOT IN (SELECT role FROM claiming)),
       ev AS (
         SELECT t.candidate_roles[1] AS role, ${WORK_FROM} AS at, 1 AS d FROM worked t WHERE ${WORK_FROM} < $2 AND coalesce(t.ended_at, 'infinity') > $1
         UNION ALL
         SELECT t.candidate_roles[1], t.ended_at, -1 FROM worked t WHERE t.ended_at IS NOT NULL AND ${WORK_FROM} < $2 AND t.ended_at > $1),
       run AS (SELECT role, at, sum(d) OVER (PARTITION BY role ORDER BY at, d ROWS UNBOUNDED PRECEDING) AS open FROM ev)
       SELECT role AS key, max(open)::int AS n FROM run WHERE role IS NOT NULL AND at >= $1 AND at < $2 GROUP BY role ORDER BY role`,
      [w.from, w.to],
    );
  }

  /**
   * The same staff's completed tasks of other processes opened in the window, each with its span in work (claim or
   * creation → end); where a role's tasks are claimed, only claimed ones (the others wait on someone else).
   */
  async otherWork(w: Window, limit = 200_000): Promise<{ role: string; createdAt: Date; endedAt: Date }[]> {
    const rows = await this.db.query(
      `WITH claiming AS (SELECT DISTINCT t.candidate_roles[1] AS role FROM tasks t WHERE t.claimed_at IS NOT NULL AND t.candidate_roles[1] IS NOT NULL AND t.created_at >= $2 AND t.created_at < $3)
       SELECT t.candidate_roles[1] AS role, ${WORK_FROM} AS created_at, t.ended_at FROM tasks t JOIN process_instances p ON p.id = t.instance_id
       WHERE p.definition_key <> $1 AND t.created_at >= $2 AND t.created_at < $3 AND t.status = 'completed' AND t.ended_at IS NOT NULL AND t.candidate_roles[1] IS NOT NULL
         AND (t.claimed_at IS NOT NULL OR t.candidate_roles[1] NOT IN (SELECT role FROM claiming))
       ORDER BY t.created_at DESC LIMIT ${Number(limit)}`,
      [w.key, w.from, w.to],
    );
    return rows.map((r: any) => ({ role: r.role, createdAt: r.created_at, endedAt: r.ended_at }));
  }

  /** Per non-task activity: how often it was reached, how often left, and the mean and spread of the stay (seconds). */
  async waits(w: Window): Promise<{ activityId: string; started: number; completed: number; meanS: number | null; sdS: number | null }[]> {
    const rows = await this.db.query(
      `WITH v AS (
         SELECT h.instance_id, h.activity_id, min(h.at) FILTER (WHERE h.type = 'activity.started') AS s, min(h.at) FILTER (WHERE h.type = 'activity.completed') AS c
         FROM history h JOIN process_instances p ON p.id = h.instance_id
         WHERE ${SCOPE} AND h.activity_id IS NOT NULL AND h.type IN ('activity.started', 'activity.completed') GROUP BY 1, 2)
       SELECT activity_id, count(s)::int AS started, count(c)::int AS completed,
              avg(extract(epoch FROM c - s))::float8 AS mean_s, stddev_samp(extract(epoch FROM c - s))::float8 AS sd_s
       FROM v WHERE s IS NOT NULL GROUP BY 1 ORDER BY 1`,
      args(w),
    );
    return rows.map((r: any) => ({ activityId: r.activity_id, started: r.started, completed: r.completed, meanS: r.mean_s, sdS: r.sd_s }));
  }
}
