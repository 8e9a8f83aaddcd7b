// What the migration screen loads: a process's versions, the instances to move (the hand-over from the list, or every
// active instance of the source version), the generated plan and both versions' activities.
import { api } from '../app/api';
import type { DefinitionSummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { allMatching, type Picked } from '../bulk/selection';
import { loadActivities } from './bpmn-activities';
import type { Instruction } from './plan-view';

export function useVersions(key: string) {
  return useResource(async () => (key ? api<DefinitionSummary[]>(`/api/definitions/${encodeURIComponent(key)}`) : []), [key]);
}

export function useInstances(key: string, source: DefinitionSummary | undefined, handedOver: Picked[] | null) {
  return useResource(async () => {
    if (!source) return [];
    // Read fresh each time (a handed-over selection only names the instances): one migrated meanwhile is no longer listed.
    const chosen = handedOver && new Set(handedOver.map((i) => i.id));
    const all = await allMatching({ definitionKey: key, status: 'active' });
    return all.filter((i) => (!chosen || chosen.has(i.id)) && i.definitionVersion === source.version);
  }, [key, source?.id]);
}

export function usePlan(source: DefinitionSummary | undefined, target: DefinitionSummary | undefined) {
  return useResource(async () => {
    if (!source || !target || source.id === target.id) return null;
    const body = { sourceProcessDefinitionId: source.id, targetProcessDefinitionId: target.id };
    const [plan, sourceActivities, targetActivities] = await Promise.all([
      api<{ instructions: Instruction[] }>('/api/migration/generate', { method: 'POST', body }),
      loadActivities(source.key, source.version),
      loadActivities(target.key, target.version),
    ]);
    return { generated: plan.instructions, sourceActivities, targetActivities };
  }, [source?.id, target?.id]);
}
