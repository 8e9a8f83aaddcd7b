// KPIs: one window with filters, two process versions side by side, and day / week / month reports (JSON or CSV).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { KpiCompareDto, KpiQueryDto, KpiReportDto } from './dto/kpi.dto';
import type { KpiDimensions } from './kpi-facts';
import { MAX_REPORT_PERIODS, reportCsv, reportPeriods } from './kpi-report.util';
import { KpiRepository } from './kpi.repository';
import { computeKpis, KPI_KEYS } from './kpi.util';

const DAY = 24 * 3600_000;

@Injectable()
export class KpisService {
  constructor(
    private readonly kpis: KpiRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async get(query: KpiQueryDto) {
    const { from, to, dims } = this.window(query);
    const asOf = this.asOf(to);
    const result = computeKpis(await this.kpis.facts(from, to, dims), from, to, asOf);
    const thresholds = { csatMin: this.config.KPI_CSAT_MIN, backlogMax: this.config.KPI_BACKLOG_MAX };
    return { from, to, asOf, filter: dims, thresholds, ...result };
  }

  async compare(query: KpiCompareDto) {
    if (!query.process) throw invalid('process', 'process is required to compare two of its versions');
    const [a, b] = await Promise.all([this.get({ ...query, version: query.versionA }), this.get({ ...query, version: query.versionB })]);
    const delta = Object.fromEntries(KPI_KEYS.map((k) => {
      const [x, y] = [a.kpis[k].value, b.kpis[k].value];
      return [k, x === null || y === null ? null : Math.round((y - x) * 100) / 100];
    }));
    return { process: query.process, a: { version: query.versionA, ...a }, b: { version: query.versionB, ...b }, delta };
  }

  async report(query: KpiReportDto) {
    const { from, to, dims } = this.window(query);
    const periods = reportPeriods(from, to, query.granularity, this.config.TIME_ZONE);
    if (periods.length > MAX_REPORT_PERIODS) throw invalid('granularity', `a report has at most ${MAX_REPORT_PERIODS} periods: use a coarser granularity or a shorter window`);
    const facts = await this.kpis.facts(from, to, dims);
    const rows = periods.map((p) => ({ ...p, ...computeKpis(facts, p.from, p.to, this.asOf(p.to)) }));
    return { granularity: query.granularity, timeZone: this.config.TIME_ZONE, from, to, filter: dims, rows };
  }

  async reportCsv(query: KpiReportDto): Promise<string> {
    return reportCsv((await this.report(query)).rows);
  }

  private window(query: KpiQueryDto): { from: Date; to: Date; dims: KpiDimensions } {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
    if (!(from < to)) throw invalid('from', 'from must be before to');
    if (query.version !== undefined && !query.process) throw invalid('version', 'version needs process (the process whose version it is)');
    return { from, to, dims: { channels: query.channel ?? [], priorities: query.priority ?? [], region: query.region, process: query.process, version: query.version } };
  }

  /** Backlog is counted at the end of the window, or now when the window reaches into the future. */
  private asOf(to: Date): Date {
    const now = this.clock.now();
    return to < now ? to : now;
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.Invalid, message, [{ field, message }]);
}
