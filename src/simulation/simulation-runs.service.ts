// Simulation runs (issue 18, items 2 and 4): checks a request, stores it, runs it in a worker thread, keeps its
// progress on the row and the live stream, and stores the results (with a backtest when the period has happened).
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { DefinitionCompiler } from '../definitions/definition-compiler';
import { DefinitionsService } from '../definitions/definitions.service';
import { mapSimulation, type SimulationRunDto } from './dto/simulation-run.dto';
import { backtestOf } from './run/simulation-backtest.util';
import { startWorker } from './run/simulation-worker-host';
import type { RunJob, SimModel, VariantInput } from './run/simulation-run.types';
import { SimulationModelService } from './simulation-model.service';
import { SimulationRepository } from './simulation.repository';

const DAY = 86_400_000;
/** Progress is written at most this often (row + live event). */
const PROGRESS_EVERY_MS = 1000;
/** A server beats for its runs this often; a run without a beat for STALE_MS was interrupted (its server stopped). */
const HEARTBEAT_MS = 30_000;
const STALE_MS = 3 * 60_000;

const invalid = (field: string, message: string) => new DomainError(ErrorCode.Invalid, `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class SimulationRunsService implements OnModuleInit, OnModuleDestroy {
  private readonly owner = randomUUID();
  private beat?: NodeJS.Timeout;
  /** Runs of this server, one after another: two at once would only share the same two cores. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly runs: SimulationRepository,
    private readonly models: SimulationModelService,
    private readonly definitions: DefinitionsService,
    private readonly compiler: DefinitionCompiler,
    private readonly audit: AuditService,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.beat = setInterval(() => void this.runs.heartbeat(this.owner, this.clock.now()).catch(() => undefined), HEARTBEAT_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.beat);
  }

  async create(dto: SimulationRunDto, principal?: Principal): Promise<{ id: string; status: 'queued' }> {
    const variants = await this.variants(dto);
    if (dto.fromHistory && dto.model) throw invalid('model', 'give either fromHistory (learn the model) or model (use this one), not both');
    if (dto.model) checkModel(dto.model);
    if (dto.fromHistory && !(Date.parse(dto.fromHistory.from) < Date.parse(dto.fromHistory.to))) throw invalid('fromHistory', 'from must be before to');
    for (const [role, delta] of Object.entries(dto.adjustments?.staff ?? {})) if (typeof delta !== 'number' || !Number.isInteger(delta)) throw invalid('adjustments.staff', `the change for ${role} must be a whole number of people, e.g. 1 or -1`);
    const id = randomUUID();
    const request = { ...dto, candidateXml: dto.candidateXml ? `(${dto.candidateXml.length} characters)` : undefined, variants: variants.map((v) => v.label) };
    await this.db.transaction(async (em) => {
      await this.runs.insert(em, { id, definition_key: dto.definitionKey, request, created_by: actorOf(principal), created_at: this.clock.now(), owner: this.owner });
      await this.audit.forRequest(em, { targetType: 'simulation', targetId: id, detail: { definitionKey: dto.definitionKey, variants: request.variants, days: dto.days } });
    });
    this.turn = this.turn.then(() => this.execute(id, dto, variants).catch((err: Error) => this.fail(id, err.message)));
    return { id, status: 'queued' };
  }

  async get(id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw DomainError.notFound('Simulation', id);
    const now = this.clock.now();
    await this.runs.failInterrupted(new Date(now.getTime() - STALE_MS), now);
    const row = await this.runs.find(id);
    if (!row) throw DomainError.notFound('Simulation', id);
    return mapSimulation(row);
  }

  /** The deployed versions asked for (default the latest) and the edited diagram, each checked like a deploy. */
  private async variants(dto: SimulationRunDto): Promise<VariantInput[]> {
    const deployed = await this.definitions.versions(dto.definitionKey); // 404 for an unknown process
    const missing = (dto.versions ?? []).filter((v) => !deployed.some((d) => d.version === v));
    if (missing.length) throw invalid('versions', `${dto.definitionKey} has no version ${missing.join(', ')} (deployed: ${deployed.map((d) => d.version).join(', ')})`);
    const versions = dto.versions?.length ? dto.versions : [Math.max(...deployed.map((d) => d.version))];
    const out: VariantInput[] = [];
    for (const version of [...new Set(versions)]) out.push({ label: `v${version}`, version, xml: await this.definitions.xml(dto.definitionKey, version) });
    if (dto.candidateXml) {
      const compiled = await this.compiler.check(dto.candidateXml); // the deploy's refusals, with element ids
      if (compiled.key !== dto.definitionKey) throw invalid('candidateXml', `the edited diagram's process id is ${compiled.key}, not ${dto.definitionKey}`);
      out.push({ label: 'edited', xml: dto.candidateXml });
    }
    return out;
  }

  private async execute(id: string, dto: SimulationRunDto, variants: VariantInput[]): Promise<void> {
    const now = this.clock.now();
    const window = dto.fromHistory ?? { from: new Date(now.getTime() - 28 * DAY).toISOString(), to: now.toISOString() };
    const model = (dto.model as unknown as SimModel) ?? ((await this.models.learn({ definitionKey: dto.definitionKey, from: window.from, to: window.to })) as unknown as SimModel);
    const start = new Date(dto.start ?? dto.fromHistory?.to ?? now.toISOString());
    const job: RunJob = { variants, model, adjustments: dto.adjustments ?? {}, from: start.toISOString(), days: dto.days, seed: dto.seed ?? 1, replications: dto.replications ?? 5, processesDir: resolve(this.config.PROCESSES_DIR), replay: dto.replay };
    await this.runs.progress(id, { status: 'running', progress: 0 }, this.clock.now());
    let last = 0;
    await new Promise<void>((done) => {
      startWorker(job, {
        progress: (p) => {
          if (Date.now() - last < PROGRESS_EVERY_MS || p >= 1) return;
          last = Date.now();
          void this.runs.progress(id, { status: 'running', progress: Math.round(p * 1000) / 1000 }, this.clock.now()).catch(() => undefined);
        },
        done: (results) => void this.finish(id, dto, start, results).then(done, (err: Error) => this.fail(id, err.message).then(done)),
        failed: (error) => void this.fail(id, error).then(done),
      });
    });
  }

  private async finish(id: string, dto: SimulationRunDto, start: Date, results: Awaited<ReturnType<typeof import('./run/simulation-job').runJob>>): Promise<void> {
    const end = new Date(start.getTime() + dto.days * DAY);
    const backtest = end <= this.clock.now() ? backtestOf(results.variants[0], await this.runs.actuals(dto.definitionKey, start, end), { from: start, to: end }) : undefined;
    const out = { variants: results.variants, ...(backtest && { backtest }), engine: { commands: results.commands, engineRuns: results.engineRuns } };
    await this.runs.progress(id, { status: 'done', progress: 1, results: out, endedAt: this.clock.now() }, this.clock.now());
  }

  private async fail(id: string, error: string): Promise<void> {
    await this.runs.progress(id, { status: 'failed', progress: 1, error, endedAt: this.clock.now() }, this.clock.now()).catch(() => undefined);
  }
}

function checkModel(model: Record<string, unknown>): void {
  const arrivals = model.arrivals as { byHourOfWeek?: unknown } | undefined;
  if (!arrivals || !Array.isArray(arrivals.byHourOfWeek)) throw invalid('model', 'arrivals.byHourOfWeek is missing: send the object GET /api/simulations/model returns (edited as you like)');
  for (const h of arrivals.byHourOfWeek as { day?: unknown; hour?: unknown; perWeek?: unknown }[]) {
    if (typeof h?.perWeek !== 'number' || !(h.perWeek >= 0) || typeof h.day !== 'number' || typeof h.hour !== 'number') throw invalid('model', 'each arrivals.byHourOfWeek entry needs day (1–7), hour (0–23) and perWeek ≥ 0');
  }
}
