// Queries of the demo loader: the open work it simulates, the next timer, its records, and taking it all away again.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FormField } from '../engine/definition-model';

export interface OpenTaskRow {
  id: string;
  instanceId: string;
  activityId: string;
  assignee: string | null;
  candidateRoles: string[];
  form: FormField[];
  businessKey: string | null;
  variables: Record<string, unknown>;
}

export type DemoRecordKind = 'instance' | 'user' | 'definition' | 'run';

export interface DemoRemoval {
  instances: number;
  users: number;
  definitions: number;
}

@Injectable()
export class DemoRepository {
  constructor(private readonly db: DataSource) {}

  async openTasks(): Promise<OpenTaskRow[]> {
    const rows = await this.db.query(
      `SELECT t.id, t.instance_id, t.activity_id, t.assignee, t.candidate_roles, t.form, p.business_key, p.variables
       FROM tasks t JOIN process_instances p ON p.id = t.instance_id WHERE t.status = 'open' ORDER BY t.created_at, t.id`,
    );
    return rows.map((r: any) => ({ id: r.id, instanceId: r.instance_id, activityId: r.activity_id, assignee: r.assignee, candidateRoles: r.candidate_roles, form: r.form, businessKey: r.business_key, variables: r.variables }));
  }

  /** Surveys the platform recorded as sent (history `survey.sent`) after the history row `afterId`, oldest first. */
  async surveysSentAfter(afterId: string): Promise<{ historyId: string; surveyId: string; kind: 'invitation' | 'reminder'; expiresAt: Date; about: string | null }[]> {
    const rows = await this.db.query(
      `SELECT h.id, s.id AS survey_id, h.detail->>'kind' AS kind, coalesce(h.detail->>'expiresAt', s.expires_at::text) AS expires_at, s.source_business_key
       FROM history h JOIN surveys s ON s.id = h.instance_id WHERE h.type = 'survey.sent' AND h.id > $1 ORDER BY h.id`,
      [afterId],
    );
    return rows.map((r: any) => ({ historyId: String(r.id), surveyId: r.survey_id, kind: r.kind === 'reminder' ? 'reminder' : 'invitation', expiresAt: new Date(r.expires_at), about: r.source_business_key }));
  }

  async nextTimerDue(): Promise<Date | null> {
    const [row] = await this.db.query(`SELECT min(due_at) AS due FROM timers WHERE instance_id IS NOT NULL`);
    return row?.due ? new Date(row.due) : null;
  }

  async countInstances(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM process_instances`);
    return row.n;
  }

  async instanceIds(): Promise<string[]> {
    return (await this.db.query(`SELECT id FROM process_instances`)).map((r: { id: string }) => r.id);
  }

  async record(kind: DemoRecordKind, refs: string[], now: Date, detail: object | null = null): Promise<void> {
    if (!refs.length) return;
    await this.db.query(
      `INSERT INTO demo_records (kind, ref, created_at, detail) SELECT $1, unnest($2::text[]), $3, $4 ON CONFLICT DO NOTHING`,
      [kind, refs, now, detail === null ? null : JSON.stringify(detail)],
    );
  }

  async counts(): Promise<Record<DemoRecordKind, number>> {
    const rows: { kind: DemoRecordKind; n: number }[] = await this.db.query(`SELECT kind, count(*)::int AS n FROM demo_records GROUP BY kind`);
    const counts = { instance: 0, user: 0, definition: 0, run: 0 };
    for (const r of rows) counts[r.kind] = r.n;
    return counts;
  }

  async lastRun(): Promise<{ created_at: Date; detail: Record<string, unknown> | null } | null> {
    const [row] = await this.db.query(`SELECT created_at, detail FROM demo_records WHERE kind = 'run' ORDER BY created_at DESC LIMIT 1`);
    return row ?? null;
  }

  /** Deletes every recorded demo instance (their tasks, timers, history … cascade), their alerts, users and versions. */
  async removeAll(audit: (em: EntityManager, removed: DemoRemoval) => Promise<void>): Promise<DemoRemoval> {
    return this.db.transaction(async (em) => {
      const ids = `SELECT ref::uuid FROM demo_records WHERE kind = 'instance'`;
      await em.query(`DELETE FROM webhook_deliveries WHERE outbox_id IN (SELECT id FROM outbox WHERE instance_id IN (${ids}))`);
      await em.query(`DELETE FROM instance_outbox WHERE instance_id IN (${ids})`);
      await em.query(`DELETE FROM active_business_keys WHERE process_instance_id IN (${ids})`);
      await em.query(`DELETE FROM survey_resolutions WHERE survey_id IN (${ids})`);
      const [, instances] = await em.query(`DELETE FROM process_instances WHERE id IN (${ids})`);
      const [, users] = await em.query(`DELETE FROM users WHERE id::text IN (SELECT ref FROM demo_records WHERE kind = 'user')`);
      // A demo version goes only when nothing else runs on it.
      const [, definitions] = await em.query(
        `DELETE FROM definitions d WHERE d.id::text IN (SELECT ref FROM demo_records WHERE kind = 'definition')
         AND NOT EXISTS (SELECT 1 FROM process_instances p WHERE p.definition_id = d.id) AND NOT EXISTS (SELECT 1 FROM start_timers t WHERE t.definition_id = d.id)`,
      );
      await em.query(`DELETE FROM kpi_alerts`);
      await em.query(`DELETE FROM demo_records`);
      await audit(em, { instances, users, definitions });
      return { instances, users, definitions };
    });
  }
}
