// Keeps escalation records in step with each command: an escalation event raises a record linked to the task the
// next role got; a record whose task closed (completed, or cancelled by a further escalation) is resolved.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HistoryItem } from '../engine/run-types';
import { EscalationRepository } from './escalation.repository';

export const ESCALATION_EVENT = 'complaint.escalated';

@Injectable()
export class EscalationPolicy {
  constructor(private readonly escalations: EscalationRepository) {}

  /**
   * `history`: the command's entries (escalation events and task.created/completed/cancelled with task ids). `held`:
   * false when the instance had no unresolved record before the command (a record opened now links a task created now,
   * which this command cannot have closed), so none is read to resolve.
   */
  async reconcile(em: EntityManager, instanceId: string, history: HistoryItem[], now: Date, held = true): Promise<HistoryItem[]> {
    const created = history.filter((h) => h.type === 'task.created');
    for (const event of history.filter((h) => h.type === ESCALATION_EVENT)) {
      const level = Number(event.detail?.level);
      const role = String(event.detail?.role);
      const task = created.find((h) => (h.detail?.candidateRoles as string[] | undefined)?.includes(role));
      const cycle = (await this.escalations.countAtLevel(em, instanceId, level)) + 1;
      await this.escalations.insert(em, { instanceId, level, cycle, role, taskId: (task?.detail?.taskId as string) ?? null, status: 'open', assignee: null, acknowledgedBy: null, acknowledgedAt: null, resolvedAt: null, resolution: null, createdAt: now });
    }
    const closed = new Map(history.filter((h) => h.type === 'task.completed' || h.type === 'task.cancelled').map((h) => [h.detail?.taskId as string, h.type]));
    const resolved: HistoryItem[] = [];
    if (!closed.size || !held) return resolved; // only a closed task resolves an escalation
    for (const escalation of await this.escalations.unresolvedWithTask(em, instanceId)) {
      const how = escalation.taskId && closed.get(escalation.taskId);
      if (!how) continue;
      const resolution = how === 'task.completed' ? 'handled: the task was completed' : 'escalated further (task cancelled)';
      await this.escalations.update(em, escalation, { status: 'resolved', resolvedAt: now, resolution });
      resolved.push({ at: now, type: 'escalation.resolved', activityId: null, detail: { escalationId: escalation.id, level: escalation.level, resolution, role: escalation.role } });
    }
    return resolved;
  }
}
