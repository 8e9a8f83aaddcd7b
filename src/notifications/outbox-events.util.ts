// Turns an instance's new history entries into outbox events: what integrators and the live stream care about.
import type { DefinitionModel } from '../engine/definition-model';
import type { HistoryItem } from '../engine/run-types';
import type { OutboxEvent } from './outbox.repository';

/** Engine-internal steps stay in history only; everything else is published. */
const NOT_PUBLISHED = new Set(['activity.started', 'activity.completed', 'process.started', 'timer.due']);

export function toOutboxEvents(args: {
  instance: { id: string; businessKey: string | null; definitionKey: string; definitionVersion: number };
  model: DefinitionModel | null;
  history: HistoryItem[];
}): OutboxEvent[] {
  const { instance, model, history } = args;
  return history
    .filter((h) => !NOT_PUBLISHED.has(h.type))
    .map((h) => ({
      instanceId: instance.id,
      type: h.type,
      roles: rolesOf(h, model),
      at: h.at,
      payload: {
        type: h.type,
        at: h.at.toISOString(),
        processInstanceId: instance.id,
        businessKey: instance.businessKey,
        definitionKey: instance.definitionKey,
        definitionVersion: instance.definitionVersion,
        activityId: h.activityId,
        activityName: (h.activityId && model?.elements[h.activityId]?.name) || null,
        activityNames: (h.activityId && model?.elements[h.activityId]?.names) || null,
        detail: h.detail ?? {},
      },
    }));
}

function rolesOf(h: HistoryItem, model: DefinitionModel | null): string[] {
  if (h.type.startsWith('task.') && h.activityId) return model?.elements[h.activityId]?.candidateRoles ?? [];
  if (h.type.startsWith('sla.') && h.activityId) return [...new Set([...(model?.elements[h.activityId]?.candidateRoles ?? []), 'supervisor'])];
  if (Array.isArray(h.detail?.roles)) return h.detail.roles as string[];
  if (typeof h.detail?.role === 'string') return [h.detail.role];
  return [];
}
