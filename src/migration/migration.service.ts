// Instance migration: generate a plan, dry-run it per instance, execute it (each instance in its own command transaction).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { DefinitionCache } from '../definitions/definition-cache';
import type { CompiledDefinition } from '../engine/compiled-definition';
import { rewriteStateIds } from '../engine/state-migration.util';
import type { ExecuteMigrationDto, GeneratePlanDto, InstanceReport, MigrationPlanDto } from './dto/migration.dto';
import { MIGRATED } from './migration-participant';
import { generateInstructions, instanceProblems, mappingOf, planProblems } from './migration-plan.util';
import { MigrationRepository } from './migration.repository';

export interface CheckedPlan {
  source: CompiledDefinition;
  target: CompiledDefinition;
  mapping: Record<string, string>;
}

@Injectable()
export class MigrationService {
  constructor(
    private readonly cache: DefinitionCache,
    private readonly commands: InstanceCommandsService,
    private readonly migrations: MigrationRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async generate(dto: GeneratePlanDto) {
    const [source, target] = await this.versions(dto);
    return { ...dto, instructions: generateInstructions({ source: source.model, target: target.model }) };
  }

  /** The dry run: what would fail for each instance and why; nothing changes. */
  async validate(plan: MigrationPlanDto, ids: string[]): Promise<{ instanceReports: InstanceReport[] }> {
    const checked = await this.check(plan);
    const found = new Map((await this.migrations.summaries(ids)).map((i) => [i.id, i]));
    const instanceReports = ids.map((id) => {
      const row = found.get(id);
      const failures = !row ? [`process instance ${id} was not found`] : row.definitionId !== checked.source.id ? [`the instance runs another version (${row.definitionId}), not the plan's source`] : instanceProblems({ activeActivityIds: row.activeActivityIds, mapping: checked.mapping, status: row.status });
      return { processInstanceId: id, ok: failures.length === 0, failures };
    });
    return { instanceReports };
  }

  /** The instance ids an execute request names (ids, or every active instance of the source version). */
  async targetsOf(dto: ExecuteMigrationDto): Promise<string[]> {
    if (dto.processInstanceIds) return dto.processInstanceIds;
    if (dto.processInstanceQuery) return this.migrations.activeOf(dto.migrationPlan.sourceProcessDefinitionId);
    throw new DomainError(ErrorCode.Invalid, 'name the instances to migrate: processInstanceIds or processInstanceQuery');
  }

  /** POST /api/migration/execute: at once for the instances named (a batch runs them in the background: see src/bulk). */
  async executeRequest(dto: ExecuteMigrationDto, by?: Principal) {
    return this.execute(dto.migrationPlan, await this.targetsOf(dto), actorOf(by));
  }

  /** Migrates each instance in its own transaction; one that fails is reported and left as it was. */
  async execute(plan: MigrationPlanDto, ids: string[], actor: string): Promise<{ instanceReports: InstanceReport[] }> {
    const checked = await this.check(plan);
    const instanceReports: InstanceReport[] = [];
    for (const id of ids) instanceReports.push(await this.migrateOne(checked, id, actor));
    return { instanceReports };
  }

  /** One instance, one command transaction. */
  async migrateOne(checked: CheckedPlan, id: string, actor: string): Promise<InstanceReport> {
    try {
      await this.commands.transaction((em) => this.migrateIn(em, checked, id, actor));
      return { processInstanceId: id, ok: true, failures: [] };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { processInstanceId: id, ok: false, failures: [err.message] };
    }
  }

  async check(plan: MigrationPlanDto): Promise<CheckedPlan> {
    const [source, target] = await this.versions(plan);
    const { mapping, problems } = mappingOf(plan.instructions);
    problems.push(...planProblems({ mapping, source: source.model, target: target.model }));
    if (problems.length) throw new DomainError(ErrorCode.Invalid, `the migration plan has ${problems.length} problem(s): ${problems.join('; ')}`, problems.map((message) => ({ message })));
    return { source, target, mapping };
  }

  /** Migrates one instance in the caller's transaction (a batch item's work); throws a DomainError when it cannot. */
  async migrateIn(em: EntityManager, { source, target, mapping }: CheckedPlan, id: string, actor: string): Promise<void> {
    await this.commands.executeIn(em, id, async (instance) => {
      if (instance.definitionId !== source.id) throw new DomainError(ErrorCode.Conflict, `the instance runs ${instance.definitionKey} version ${instance.definitionVersion}, not the plan's source version ${source.version}`);
      const problems = instanceProblems({ activeActivityIds: instance.activeActivityIds, mapping, status: instance.status });
      if (problems.length) throw new DomainError(ErrorCode.Conflict, problems.join('; '));
      const renamed = Object.fromEntries(Object.entries(mapping).filter(([from, to]) => from !== to));
      // The engine resumes this state on the target version's model (the pipeline reads the row's definition after prepare).
      Object.assign(instance, { state: rewriteStateIds({ state: instance.state, mapping: renamed }), definitionId: target.id, definitionKey: target.key, definitionVersion: target.version });
      const detail = { fromVersion: source.version, toVersion: target.version, sourceDefinitionId: source.id, targetDefinitionId: target.id, renamed };
      return { action: { type: 'resume' }, history: [{ at: this.clock.now(), type: MIGRATED, activityId: null, detail }] };
    });
    await this.audit.record(em, { actor, action: MIGRATED, targetType: 'process_instance', targetId: id, detail: { from: source.version, to: target.version, key: target.key } });
  }

  private async versions(dto: GeneratePlanDto): Promise<[CompiledDefinition, CompiledDefinition]> {
    const [source, target] = await Promise.all([this.cache.get(dto.sourceProcessDefinitionId), this.cache.get(dto.targetProcessDefinitionId)]);
    if (source.key !== target.key) throw new DomainError(ErrorCode.Invalid, `source (${source.key}) and target (${target.key}) must be versions of one process`);
    if (source.id === target.id) throw new DomainError(ErrorCode.Invalid, 'source and target are the same version: pick another target version');
    return [source, target];
  }
}
