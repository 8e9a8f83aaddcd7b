// The incidents list for the incidents screen: filtered by status, instance, process, kind, activity and age, with
// each incident's process key and kind (what failed: a task completion, a webhook, an external task or a service task).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WEBHOOK_INCIDENT_PREFIX } from '../notifications/webhooks/webhook-incidents';

export const INCIDENT_KINDS = ['task-completion', 'timer', 'message', 'webhook', 'external-task', 'service-task'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface IncidentSearch {
  status?: string;
  processInstanceId?: string;
  definitionKey?: string;
  activityId?: string;
  kind?: IncidentKind;
  /** Only incidents opened at or before this moment (the screen's "older than"). */
  createdBefore?: Date;
  limit: number;
  offset: number;
}

export interface IncidentRow {
  id: string;
  instance_id: string;
  activity_id: string;
  error: string;
  attempts: number;
  status: string;
  next_retry_at: Date | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  task_id: string | null;
  definition_key: string | null;
  kind: IncidentKind;
  correctable: boolean;
}

// A command that failed on data (src/incidents/data-incidents.ts) is named by what it was: a task completion, a timer
// firing or a message delivery.
const KIND = `CASE WHEN i.command->>'type' = 'fireTimer' THEN 'timer' WHEN i.command->>'type' = 'deliverMessage' THEN 'message'
  WHEN i.command IS NOT NULL THEN 'task-completion'
  WHEN starts_with(i.execution_id, '${WEBHOOK_INCIDENT_PREFIX}') THEN 'webhook'
  WHEN EXISTS (SELECT 1 FROM external_tasks e WHERE e.instance_id = i.instance_id AND e.execution_id = i.execution_id) THEN 'external-task'
  ELSE 'service-task' END`;

@Injectable()
export class IncidentSearchRepository {
  constructor(private readonly db: DataSource) {}

  async search(f: IncidentSearch): Promise<{ items: IncidentRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
    if (f.status) add('x.status = ?', f.status);
    if (f.processInstanceId) add('x.instance_id = ?', f.processInstanceId);
    if (f.definitionKey) add('x.definition_key = ?', f.definitionKey);
    if (f.activityId) add('x.activity_id = ?', f.activityId);
    if (f.kind) add('x.kind = ?', f.kind);
    if (f.createdBefore) add('x.created_at <= ?', f.createdBefore);
    const from = `WITH x AS (
        SELECT i.id, i.instance_id, i.activity_id, i.error, i.attempts, i.status, i.next_retry_at, i.created_at, i.updated_at,
               i.resolved_at, i.resolution, i.command->>'taskId' AS task_id, i.command IS NOT NULL AS correctable, p.definition_key, ${KIND} AS kind
        FROM incidents i LEFT JOIN process_instances p ON p.id = i.instance_id)
      SELECT %s FROM x ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }]: { total: string }[] = await this.db.query(from.replace('%s', 'count(*) AS total'), params);
    const rows: IncidentRow[] = await this.db.query(`${from.replace('%s', '*')} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, f.limit, f.offset]);
    return { items: rows, total: Number(total) };
  }
}
