// Deploys definitions (checked, versioned, idempotent by checksum) and answers questions about them.
import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { DefinitionCompiler } from './definition-compiler';
import { DefinitionRepository } from './definition.repository';
import { StartTimers } from '../timers/start-timers';
import { type DefinitionDto, type DeployResultDto, mapDefinition } from './dto/definition.dto';
import { newRowId } from '../common/row-id';
import { DefinitionCache } from './definition-cache';

@Injectable()
export class DefinitionsService {
  constructor(
    private readonly db: DataSource,
    private readonly definitions: DefinitionRepository,
    private readonly compiler: DefinitionCompiler,
    private readonly clock: Clock,
    private readonly startTimers: StartTimers,
    private readonly audit: AuditService,
    private readonly cache: DefinitionCache,
  ) {}

  /** `actor`: who deploys, for the audit log (`system` for the boot deployer). */
  async deploy(xml: string | undefined, actor = 'system'): Promise<DeployResultDto> {
    if (!xml?.trim()) throw new DomainError(ErrorCode.Invalid, 'send the BPMN XML as {"xml": "..."} or as a multipart file field "file"');
    const compiled = await this.compiler.check(xml);
    const checksum = createHash('sha256').update(xml).digest('hex');
    const warnings = compiled.warnings.map((w) => ({ elementId: w.elementId, message: w.rule ? `${w.message} (${w.rule})` : w.message }));
    return this.db.transaction(async (em) => {
      await this.definitions.lockKey(em, compiled.key);
      const latest = await this.definitions.latestIn(em, compiled.key);
      if (latest?.checksum === checksum) return { ...mapDefinition(latest), created: false, warnings };
      const saved = await this.definitions.insert(em, {
        id: newRowId(),
        key: compiled.key,
        version: (latest?.version ?? 0) + 1,
        name: compiled.name,
        xml,
        checksum,
        deployedAt: this.clock.now(),
      });
      await this.startTimers.schedule(em, saved, compiled.model, this.clock.now());
      await this.audit.record(em, { actor, action: 'definition.deployed', targetType: 'definition', targetId: saved.id, detail: { key: saved.key, version: saved.version, checksum } });
      return { ...mapDefinition(saved), created: true, warnings };
    });
  }

  async list(): Promise<DefinitionDto[]> {
    // The latest versions are compiled and cached anyway (every start takes them); their process names in other languages.
    return Promise.all((await this.definitions.listLatest()).map(async (d) => mapDefinition(d, (await this.cache.get(d.id)).model.processNames)));
  }

  async versions(key: string): Promise<DefinitionDto[]> {
    const rows = await this.definitions.listVersions(key);
    if (!rows.length) throw DomainError.notFound('Process definition', key);
    return rows.map((d) => mapDefinition(d));
  }

  async xml(key: string, version?: number): Promise<string> {
    const row = await this.definitions.findVersion(key, version);
    if (!row) throw DomainError.notFound('Process definition', version ? `${key} version ${version}` : key);
    return row.xml;
  }
}
