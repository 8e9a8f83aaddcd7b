// Bulk actions: a batch is created with its items (by ids or a filter) and answered at once; workers run the items.
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { newRowId } from '../common/row-id';
import { MigrationService } from '../migration/migration.service';
import { BatchRepository } from './batch.repository';
import { BatchWorker } from './batch-worker';
import type { ExecuteMigrationDto } from '../migration/dto/migration.dto';
import { mapBatch, type CreateBatchDto } from './dto/batch.dto';

@Injectable()
export class BatchesService {
  constructor(
    private readonly batches: BatchRepository,
    private readonly worker: BatchWorker,
    private readonly migration: MigrationService,
    private readonly commands: InstanceCommandsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateBatchDto, by?: Principal) {
    await this.checkParams(dto);
    if (!dto.ids && !dto.filter) throw new DomainError(ErrorCode.Invalid, 'name the items: ids, or a filter (e.g. {"definitionKey": "service-request"})');
    const targets = dto.ids ? [...new Set(dto.ids)] : await this.batches.targets(dto.type, dto.filter!);
    if (!targets.length) throw new DomainError(ErrorCode.Invalid, 'the filter selects nothing: no batch was created');
    const id = newRowId();
    const params = { reason: dto.reason, assignee: dto.assignee, migrationPlan: dto.migrationPlan };
    const actor = actorOf(by);
    await this.commands.transaction(async (em) => {
      await this.batches.create(em, { id, type: dto.type, params, created_by: actor, created_at: this.clock.now() }, targets);
      await this.audit.record(em, { actor, action: 'batch.created', targetType: 'batch', targetId: id, detail: { type: dto.type, total: targets.length, filter: dto.filter ?? null } });
    });
    // This replica starts at once; pollers on every replica share the rest (each item is taken once).
    setImmediate(() => void this.worker.drain().catch(() => undefined));
    return { id, type: dto.type, total: targets.length };
  }

  /** A migration as a batch: the ids given, or (processInstanceQuery) every active instance of the source version. */
  createMigration(dto: ExecuteMigrationDto, by?: Principal) {
    if (!dto.processInstanceIds && !dto.processInstanceQuery) throw new DomainError(ErrorCode.Invalid, 'name the instances to migrate: processInstanceIds or processInstanceQuery');
    return this.create({ type: 'migrate', migrationPlan: dto.migrationPlan, ids: dto.processInstanceIds, filter: dto.processInstanceIds ? undefined : {} }, by);
  }

  async get(id: string) {
    const batch = await this.batches.find(id);
    if (!batch) throw DomainError.notFound('Batch', id);
    return mapBatch(batch, await this.batches.items(id));
  }

  private async checkParams(dto: CreateBatchDto): Promise<void> {
    if (dto.type === 'reassignTasks' && !dto.assignee) throw new DomainError(ErrorCode.Invalid, 'reassignTasks needs assignee: who gets the tasks');
    if (dto.type === 'migrate') {
      if (!dto.migrationPlan) throw new DomainError(ErrorCode.Invalid, 'migrate needs migrationPlan (see POST /api/migration/generate)');
      await this.migration.check(dto.migrationPlan);
      if (dto.filter && !dto.ids) dto.filter = { ...dto.filter, definitionId: dto.migrationPlan.sourceProcessDefinitionId };
    }
  }
}
