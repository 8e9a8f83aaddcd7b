// The supervisor board's reads: recent alerts from the outbox, each user's acknowledged position, and the armed
// timers that move a running escalation to its next level.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const ALERT_TYPES = ['sla.warning', 'sla.breached', 'complaint.escalated', 'incident.open'];

export interface AlertRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

@Injectable()
export class BoardRepository {
  constructor(private readonly db: DataSource) {}

  /** The newest alerts visible to these roles (unrestricted rows or rows for one of them), newest first. */
  recentAlerts(roles: string[], limit: number): Promise<AlertRow[]> {
    return this.db.query(
      `SELECT id::text, type, payload, created_at FROM outbox
       WHERE type IN ('sla.warning', 'sla.breached', 'complaint.escalated', 'incident.open') AND (cardinality(roles) = 0 OR roles && $1::text[])
       ORDER BY outbox.id DESC LIMIT $2`, // the table column: the output column `id` is text
      [roles, limit],
    );
  }

  async seenUpTo(username: string): Promise<string> {
    const rows: { seen_up_to: string }[] = await this.db.query(`SELECT seen_up_to::text FROM board_reads WHERE username = $1`, [username]);
    return rows[0]?.seen_up_to ?? '0';
  }

  /** Moves the user's marker forward only (a late click on an older page cannot un-acknowledge newer alerts). */
  async markSeen(username: string, upTo: string, now: Date): Promise<string> {
    const rows: { seen_up_to: string }[] = await this.db.query(
      `INSERT INTO board_reads (username, seen_up_to, updated_at) VALUES ($1, $2::bigint, $3)
       ON CONFLICT (username) DO UPDATE SET seen_up_to = GREATEST(board_reads.seen_up_to, EXCLUDED.seen_up_to), updated_at = EXCLUDED.updated_at
       RETURNING seen_up_to::text`,
      [username, upTo, now],
    );
    return rows[0].seen_up_to;
  }

  /** Unresolved escalations with their task's activity, instance and definition, and the instance's armed timers. */
  async runningEscalations(): Promise<{ id: string; instance_id: string; definition_id: string; activity_id: string; timers: { activityId: string; dueAt: string }[] }[]> {
    return this.db.query(
      `SELECT e.id, e.instance_id, i.definition_id, t.activity_id,
              COALESCE((SELECT json_agg(json_build_object('activityId', tm.activity_id, 'dueAt', tm.due_at)) FROM timers tm WHERE tm.instance_id = e.instance_id), '[]') AS timers
       FROM escalations e JOIN tasks t ON t.id = e.task_id JOIN process_instances i ON i.id = e.instance_id
       WHERE e.status IN ('open', 'acknowledged') AND t.status = 'open'
       ORDER BY e.created_at DESC LIMIT 500`,
    );
  }
}
