// Reads the KPI facts from the live tables (instances, tasks, surveys, escalations) for a window and filters.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KpiDimensions, KpiFacts, RequestFact } from './kpi-facts';

export const REQUEST_PROCESSES = ['service-request', 'complaint-escalation'];

/** The request's priority for filtering: triage's P1…P4, else 'urgent' for an urgent complaint. */
const PRIORITY = `COALESCE(i.variables->>'priority', CASE WHEN i.variables->>'urgent' = 'true' THEN 'urgent' END)`;

@Injectable()
export class KpiRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Only what the threshold alerts need, counted by the database: answered surveys in [from, to) and those scoring 4–5,
   * and requests open at `to` (the same sets as computeKpis over facts(), without loading every open request).
   */
  async alertCounts(from: Date, to: Date): Promise<{ answered: number; satisfied: number; open: number }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS answered, (count(*) FILTER (WHERE overall >= 4))::int AS satisfied,
              (SELECT count(*)::int FROM process_instances
               WHERE definition_key = ANY($3::text[]) AND started_at < $2 AND (ended_at IS NULL OR ended_at > $2)) AS open
       FROM surveys WHERE status = 'answered' AND answered_at >= $1 AND answered_at < $2`,
      [from, to, REQUEST_PROCESSES],
    );
    return row;
  }

  /** Everything a KPI over [from, to) can need: requests alive in the window, surveys answered and escalations raised in it. */
  async facts(from: Date, to: Date, dims: KpiDimensions): Promise<KpiFacts> {
    const [requests, surveys, escalations] = await Promise.all([this.requests(from, to, dims), this.surveys(from, to, dims), this.escalations(from, to, dims)]);
    return { requests, surveys, escalations };
  }

  private async requests(from: Date, to: Date, dims: KpiDimensions): Promise<RequestFact[]> {
    const { where, params } = dimensionFilter(dims, 'i.definition_key', 'i.definition_version', 4, {
      channel: `i.variables->>'channel'`, priority: PRIORITY, region: `i.variables->>'region'`,
    });
    const rows: any[] = await this.db.query(
      `SELECT i.id, i.definition_key, i.definition_version, i.status, i.started_at, i.ended_at, ${PRIORITY} AS priority,
              COALESCE(i.variables->>'urgent' = 'true', false) OR i.variables->>'priority' = 'P1' AS urgent,
              (i.variables->>'requirementUnderstood')::boolean AS requirement_understood,
              t.first_response_at, t.resolutions, t.last_resolved_at, t.diagnoses, t.handled_at
       FROM process_instances i
       LEFT JOIN LATERAL (
         SELECT min(ended_at) FILTER (WHERE status = 'completed') AS first_response_at,
                count(*) FILTER (WHERE activity_id = 'Task_Settlement')::int AS resolutions,
                max(created_at) FILTER (WHERE activity_id = 'Task_Settlement') AS last_resolved_at,
                count(*) FILTER (WHERE activity_id = 'Task_Diagnose')::int AS diagnoses,
                max(ended_at) FILTER (WHERE status = 'completed' AND activity_id IN ('Task_HandleL1', 'Task_HandleL2', 'Task_HandleL3')) AS handled_at
         FROM tasks WHERE instance_id = i.id) t ON true
       WHERE i.definition_key = ANY($1::text[]) AND i.started_at < $2 AND (i.ended_at IS NULL OR i.ended_at >= $3 OR t.last_resolved_at >= $3 OR t.handled_at >= $3) ${where}`,
      [REQUEST_PROCESSES, to, from, ...params],
    );
    return rows.map((r) => ({
      id: r.id, definitionKey: r.definition_key, definitionVersion: r.definition_version, status: r.status, startedAt: r.started_at, endedAt: r.ended_at,
      priority: r.priority, urgent: r.urgent === true, firstResponseAt: r.first_response_at, resolutions: r.resolutions ?? 0, lastResolvedAt: r.last_resolved_at,
      diagnoses: r.diagnoses ?? 0, requirementUnderstood: r.requirement_understood, handledAt: r.handled_at,
    }));
  }

  private async surveys(from: Date, to: Date, dims: KpiDimensions) {
    const { where, params } = dimensionFilter(dims, 's.source_definition_key', 's.source_definition_version', 3, { channel: 's.channel', priority: 's.priority', region: 's.region' });
    const rows: any[] = await this.db.query(
      `SELECT s.answered_at, s.overall, s.nps FROM surveys s WHERE s.status = 'answered' AND s.answered_at >= $1 AND s.answered_at < $2 ${where}`,
      [from, to, ...params],
    );
    return rows.map((r) => ({ answeredAt: r.answered_at, overall: r.overall, nps: r.nps }));
  }

  private async escalations(from: Date, to: Date, dims: KpiDimensions) {
    const { where, params } = dimensionFilter(dims, 'i.definition_key', 'i.definition_version', 3, { channel: `i.variables->>'channel'`, priority: PRIORITY, region: `i.variables->>'region'` });
    const rows: any[] = await this.db.query(
      `SELECT e.created_at, e.level FROM escalations e JOIN process_instances i ON i.id = e.instance_id WHERE e.created_at >= $1 AND e.created_at < $2 ${where}`,
      [from, to, ...params],
    );
    return rows.map((r) => ({ createdAt: r.created_at, level: r.level }));
  }
}

/** "AND …" conditions for the dimension filters, with parameters numbered from `first`. */
function dimensionFilter(dims: KpiDimensions, keyCol: string, versionCol: string, first: number, cols: { channel: string; priority: string; region: string }) {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${first + params.length - 1}`));
  };
  if (dims.channels.length) add((p) => `${cols.channel} = ANY(${p}::text[])`, dims.channels);
  if (dims.priorities.length) add((p) => `${cols.priority} = ANY(${p}::text[])`, dims.priorities);
  if (dims.region) add((p) => `lower(${cols.region}) = lower(${p})`, dims.region);
  if (dims.process) add((p) => `${keyCol} = ${p}`, dims.process);
  if (dims.version !== undefined) add((p) => `${versionCol} = ${p}`, dims.version);
  return { where: parts.map((p) => `AND ${p}`).join(' '), params };
}
