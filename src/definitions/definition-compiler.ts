// The deploy check: size and element caps, XML parse, bpmnlint (recommended + ops rules), one executable process;
// then the model and the engine context of a definition. Refusals carry the element id and the reason.
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode, type ErrorDetail } from '../common/domain-error';
import { parseBpmn, type ParsedBpmn } from '../engine/bpmn-parser';
import { compileContext } from '../engine/compiled-definition';
import { translateDiagramExpressions } from '../engine/juel-context';
import { GroupRepository } from '../groups/group.repository';
import type { DefinitionModel } from '../engine/definition-model';
import { readDefinitionModel, type ModdleElement } from '../engine/moddle-reader';
import { ServiceRegistry } from '../engine/service-registry';
import { SlaConfig } from '../sla/sla-config';
import { DefinitionLinter, loadLintConfig, type LintProblem } from './lint/definition-linter';
import type { LintKnowledge } from './lint/lint-setup';

export interface Compiled {
  key: string;
  name: string;
  model: DefinitionModel;
  sourceContext: unknown;
  warnings: LintProblem[];
}

export interface InspectionProblem {
  elementId: string;
  rule?: string;
  message: string;
  severity: 'error' | 'warn';
}

export interface Inspection {
  parsed: ParsedBpmn;
  model: DefinitionModel | null;
  problems: InspectionProblem[];
}

@Injectable()
export class DefinitionCompiler {
  private linter?: DefinitionLinter;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ServiceRegistry,
    private readonly sla: SlaConfig,
    private readonly groups: GroupRepository,
  ) {}

  /** Full deploy check; throws InvalidDefinition listing every problem. */
  async check(xml: string): Promise<Compiled> {
    const inspection = await this.inspect(xml);
    const { parsed, model, problems } = inspection;
    const errors: ErrorDetail[] = problems.filter((p) => p.severity === 'error').map((p) => ({ elementId: p.elementId, message: p.rule ? `${p.message} (${p.rule})` : p.message }));
    if (errors.length) refuse(errors);
    return { key: model!.processId, name: model!.processName, model: model!, sourceContext: compileContext(parsed.context), warnings: problems.filter((p): p is LintProblem => p.severity === 'warn') };
  }

  /**
   * The deploy check without refusing: every parse warning and lint problem with its severity (the modeler's preview).
   * Only an unreadable or oversized file is refused here, because nothing else can be said about it.
   */
  async inspect(xml: string): Promise<Inspection> {
    const bytes = Buffer.byteLength(xml, 'utf8');
    if (bytes > this.config.MAX_BPMN_BYTES) refuse([{ message: `the BPMN file has ${bytes} bytes; the limit is ${this.config.MAX_BPMN_BYTES}` }]);
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) refuse([{ message: 'DOCTYPE and entity declarations are not allowed in BPMN files' }]);
    const parsed = await parseBpmn(xml).catch((err: Error) => refuse([{ message: `not a readable BPMN 2.0 XML file: ${err.message}` }]));
    const count = Object.keys(parsed.context.elementsById ?? {}).length;
    if (count > this.config.MAX_BPMN_ELEMENTS) refuse([{ message: `the diagram has ${count} elements; the limit is ${this.config.MAX_BPMN_ELEMENTS}` }]);
    const problems: InspectionProblem[] = parsed.warnings.map(parseProblem);
    // Without an executable process there is nothing to run or lint (bpmnlint's own rules fail on an empty file).
    const missing = noExecutableProcess(parsed.root);
    if (missing) return { parsed, model: null, problems: [...problems, { elementId: '', message: missing, severity: 'error' }] };
    problems.push(...(await this.getLinter().lint(parsed.root, await this.knowledge())));
    // The lint reported each ${…} translation as a warning; from here on the model and the engine see FEEL.
    prepareForEngine(parsed);
    const model = readDefinitionModel(parsed.root);
    return { parsed, model, problems };
  }

  /** The handler and SLA policy names a diagram may use right now (lint options, also for the modeler). */
  async knowledge(): Promise<LintKnowledge> {
    return { handlers: this.registry.list().map((h) => h.name), policies: [...this.sla.policies.keys()], calendars: [...this.sla.calendars.keys()], groups: await this.groups.names() };
  }

  /** Recompiles an already deployed (hence checked) version for running it. */
  async compile(xml: string): Promise<{ model: DefinitionModel; sourceContext: unknown }> {
    const parsed = await parseBpmn(xml);
    prepareForEngine(parsed);
    const model = readDefinitionModel(parsed.root);
    if (!model) throw new DomainError(ErrorCode.InvalidDefinition, 'deployed definition has no executable process');
    return { model, sourceContext: compileContext(parsed.context) };
  }

  private getLinter(): DefinitionLinter {
    this.linter ??= new DefinitionLinter(loadLintConfig(this.config.PROCESSES_DIR));
    return this.linter;
  }
}

/** ${…} becomes FEEL; a definitions element without an id (Flowable writes none) gets one, or bpmn-engine cannot recover its state. */
export function prepareForEngine(parsed: ParsedBpmn): void {
  translateDiagramExpressions(parsed.context);
  const root = parsed.root;
  if (root && !root.id) root.id = `Definitions_${(root.rootElements ?? []).find((e: ModdleElement) => e.$type === 'bpmn:Process' && e.isExecutable)?.id ?? 'imported'}`;
}

/** A moddle warning about something no code reads (a vendor attribute or element) is kept and ignored; the rest is broken. */
function parseProblem(w: { message: string; elementId?: string }): InspectionProblem {
  const ignored = /^unknown (attribute|element)|^unsupported document encoding/.test(w.message);
  return { elementId: w.elementId ?? '', message: ignored ? `${w.message}: kept and ignored` : w.message, severity: ignored ? 'warn' : 'error' };
}

/** Why there is no process to run, naming the processes that could be made executable; null when there is one. */
function noExecutableProcess(root: ModdleElement | undefined): string | null {
  const processes = (root?.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
  if (processes.some((p: ModdleElement) => p.isExecutable)) return null;
  const ids = processes.map((p: ModdleElement) => p.id ?? '(no id)');
  return ids.length
    ? `no executable process: set isExecutable="true" on one of ${ids.join(', ')}`
    : 'no executable process: set isExecutable="true" on one of the processes (none in this file: a collaboration needs a pool with a process)';
}

function refuse(details: ErrorDetail[]): never {
  const summary = details
    .slice(0, 5)
    .map((d) => (d.elementId ? `${d.elementId}: ${d.message}` : d.message))
    .join('; ');
  throw new DomainError(ErrorCode.InvalidDefinition, `The BPMN cannot be deployed: ${summary}${details.length > 5 ? ` (and ${details.length - 5} more)` : ''}`, details);
}
