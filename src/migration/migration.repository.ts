// Queries of instance migration: the instances a plan covers, and the open tasks renamed to the target version's activities.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { DefinitionModel } from '../engine/definition-model';

export type InstanceSummary = Pick<ProcessInstanceEntity, 'id' | 'definitionId' | 'status' | 'activeActivityIds'>;

/** Subscriptions, timers, open external tasks and unresolved incidents of a renamed activity. */
const WAIT_ROWS = [
  'UPDATE message_subscriptions SET activity_id = $3 WHERE instance_id = $1 AND activity_id = $2',
  'UPDATE signal_subscriptions SET activity_id = $3 WHERE instance_id = $1 AND activity_id = $2',
  'UPDATE timers SET activity_id = $3 WHERE instance_id = $1 AND activity_id = $2',
  "UPDATE external_tasks SET activity_id = $3 WHERE instance_id = $1 AND activity_id = $2 AND state = 'open'",
  "UPDATE incidents SET activity_id = $3 WHERE instance_id = $1 AND activity_id = $2 AND status <> 'resolved'",
];

@Injectable()
export class MigrationRepository {
  constructor(private readonly db: DataSource) {}

  summaries(ids: string[]): Promise<InstanceSummary[]> {
    return this.db.getRepository(ProcessInstanceEntity).find({ where: { id: In(ids) }, select: ['id', 'definitionId', 'status', 'activeActivityIds'] });
  }

  /** Every active instance of a version (processInstanceQuery), oldest first. */
  async activeOf(definitionId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query("SELECT id FROM process_instances WHERE definition_id = $1 AND status = 'active' ORDER BY started_at, id", [definitionId]);
    return rows.map((r) => r.id);
  }

  /** The pipeline's row write keeps the version columns (they never change otherwise): the migration moves them. */
  async moveToVersion(em: EntityManager, i: Pick<ProcessInstanceEntity, 'id' | 'definitionId' | 'definitionKey' | 'definitionVersion'>): Promise<void> {
    await em.query('UPDATE process_instances SET definition_id = $2, definition_key = $3, definition_version = $4 WHERE id = $1', [i.id, i.definitionId, i.definitionKey, i.definitionVersion]);
    await em.query('UPDATE active_business_keys SET definition_key = $2 WHERE process_instance_id = $1', [i.id, i.definitionKey]);
  }

  /** The rows that keep a waiting token follow their activity's new id (they are matched by execution id, which stays). */
  async retargetWaits(em: EntityManager, instanceId: string, renamed: Record<string, string>): Promise<void> {
    for (const [from, to] of Object.entries(renamed)) {
      for (const sql of WAIT_ROWS) await em.query(sql, [instanceId, from, to]);
    }
  }

  /** The instance's open tasks on a renamed activity take the target's id, name and form (ids, assignees and clocks stay). */
  async retargetTasks(em: EntityManager, instanceId: string, renamed: Record<string, string>, target: DefinitionModel): Promise<void> {
    for (const [from, to] of Object.entries(renamed)) {
      const info = target.elements[to];
      await em.query("UPDATE tasks SET activity_id = $3, name = $4, form = $5::jsonb WHERE instance_id = $1 AND activity_id = $2 AND status = 'open'", [instanceId, from, to, info?.name || to, JSON.stringify(info?.form ?? [])]);
    }
    // Same ids may carry a new name or form in the target version.
    const kept = Object.keys(target.elements).filter((id) => target.elements[id].type === 'bpmn:UserTask');
    for (const id of kept) await em.query("UPDATE tasks SET name = $3, form = $4::jsonb WHERE instance_id = $1 AND activity_id = $2 AND status = 'open' AND (name <> $3 OR form <> $4::jsonb)", [instanceId, id, target.elements[id].name || id, JSON.stringify(target.elements[id].form ?? [])]);
  }
}
