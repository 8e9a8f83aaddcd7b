// What deploying this XML would do: the version it becomes, the problems the deploy check finds, and what changed.
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { parseBpmn } from '../engine/bpmn-parser';
import { diffDefinitions } from './definition-diff.util';
import { DefinitionCompiler, prepareForEngine } from './definition-compiler';
import { DefinitionRepository } from './definition.repository';
import type { DefinitionPreviewDto } from './dto/definition.dto';

@Injectable()
export class DefinitionPreview {
  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly compiler: DefinitionCompiler,
  ) {}

  async preview(xml: string): Promise<DefinitionPreviewDto> {
    const { parsed, model, problems } = await this.compiler.inspect(xml);
    const key = model?.processId ?? null;
    const latest = key ? await this.definitions.findVersion(key) : null;
    // Same checksum as the deploy: identical bytes are a no-op there, so they are "identical" here.
    const identical = latest?.checksum === createHash('sha256').update(xml).digest('hex');
    // Seen as the engine sees it, like the new XML (inspect translated its ${…} to FEEL): only real changes differ.
    const before = latest ? await parseBpmn(latest.xml).then((p) => (prepareForEngine(p), p.root)) : null;
    return {
      key,
      currentVersion: latest?.version ?? null,
      nextVersion: key ? (identical ? latest!.version : (latest?.version ?? 0) + 1) : null,
      identical,
      problems,
      changes: diffDefinitions({ before, after: parsed.root }),
    };
  }
}
