// Compiled definition versions, parsed once per process and reused by every command (versions never change).
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { CompiledDefinition } from '../engine/compiled-definition';
import { DefinitionCompiler } from './definition-compiler';
import { DefinitionRepository } from './definition.repository';

@Injectable()
export class DefinitionCache {
  private readonly byId = new Map<string, Promise<CompiledDefinition>>();

  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly compiler: DefinitionCompiler,
  ) {}

  get(id: string): Promise<CompiledDefinition> {
    let entry = this.byId.get(id);
    if (!entry) {
      entry = this.load(id);
      this.byId.set(id, entry);
      entry.catch(() => this.byId.delete(id));
    }
    return entry;
  }

  /** The latest version of a key (not cached: a new version may have been deployed by another replica). */
  async latest(key: string): Promise<CompiledDefinition> {
    const row = await this.definitions.findVersion(key);
    if (!row) throw DomainError.notFound('Process definition', key);
    return this.get(row.id);
  }

  /** A named version of a key, or the latest when no version is given (call activities). */
  async version(key: string, version?: number): Promise<CompiledDefinition> {
    const row = await this.definitions.findVersion(key, version);
    if (!row) throw DomainError.notFound('Process definition', version ? `${key} version ${version}` : key);
    return this.get(row.id);
  }

  private async load(id: string): Promise<CompiledDefinition> {
    const row = await this.definitions.findById(id);
    if (!row) throw DomainError.notFound('Process definition', id);
    const { model, sourceContext } = await this.compiler.compile(row.xml);
    return { id: row.id, key: row.key, version: row.version, model, sourceContext };
  }
}
