// What one batch item does, by batch type, in the item's transaction (each audited); a DomainError says why it failed.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { IncidentsService } from '../incidents/incidents.service';
import { MigrationService } from '../migration/migration.service';
import { TaskRepository } from '../tasks/task.repository';
import type { BatchRow } from './dto/batch.dto';

@Injectable()
export class BatchActions {
  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly migration: MigrationService,
    private readonly incidents: IncidentsService,
    private readonly tasks: TaskRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async run(em: EntityManager, batch: BatchRow, targetId: string): Promise<void> {
    const actor = batch.created_by;
    const via = { batchId: batch.id };
    switch (batch.type) {
      case 'cancel': {
        const reason = batch.params.reason ?? `bulk cancel (batch ${batch.id})`;
        await this.commands.cancelIn(em, targetId, reason);
        return this.audit.record(em, { actor, action: 'instance.cancelled', targetType: 'process_instance', targetId, detail: { reason, ...via } });
      }
      case 'migrate':
        // The plan was checked when the batch was created; checking again costs little (compiled versions are cached).
        return this.migration.migrateIn(em, await this.migration.check(batch.params.migrationPlan!), targetId, actor);
      case 'retryIncidents':
        // The retry runs its own command transaction(s); this item's row stays locked meanwhile.
        await this.incidents.retry(targetId);
        return this.audit.record(em, { actor, action: 'incident.retried', targetType: 'incident', targetId, detail: via });
      case 'reassignTasks':
        return this.reassign(em, targetId, batch.params.assignee!, actor, via);
    }
  }

  private async reassign(em: EntityManager, taskId: string, assignee: string, actor: string, via: Record<string, unknown>): Promise<void> {
    // the instance first (a task is locked by instance and id, as a distributed PostgreSQL co-locates them)
    const found = await this.tasks.findById(taskId);
    const task = found && (await this.tasks.lockIn(em, found.instanceId, taskId));
    if (!task) throw DomainError.notFound('Task', taskId);
    if (!(await this.tasks.reassign(em, task, assignee, this.clock.now()))) throw new DomainError(ErrorCode.Conflict, `task ${taskId} is ${task.status}, not open`);
    await this.commands.recordIn(em, task.instanceId, async (history, now) => {
      history.push({ at: now, type: 'task.reassigned', activityId: task.activityId, detail: { taskId, from: task.assignee, to: assignee } });
    });
    await this.audit.record(em, { actor, action: 'task.reassigned', targetType: 'task', targetId: taskId, detail: { from: task.assignee, to: assignee, ...via } });
  }
}
