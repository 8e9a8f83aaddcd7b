// Learns a simulation model of one process from its history in a window (issue 18, item 1): editable JSON.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { DefinitionsService } from '../definitions/definitions.service';
import type { SimulationModelQueryDto } from './dto/simulation-model.dto';
import { SimulationModelRepository, type Window } from './simulation-model.repository';
import { activityModel, arrivalModel, decisionModel, shares, surveyModel, visitModel } from './simulation-model.util';

const DAY = 86_400_000;
const MAX_WINDOW_DAYS = 366;

@Injectable()
export class SimulationModelService {
  constructor(
    private readonly history: SimulationModelRepository,
    private readonly definitions: DefinitionsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async learn(query: SimulationModelQueryDto) {
    const deployed = await this.definitions.versions(query.definitionKey); // 404 for an unknown process
    const versions = query.versions ?? [];
    const missing = versions.filter((v) => !deployed.some((d) => d.version === v));
    if (missing.length) throw new DomainError(ErrorCode.Invalid, `versions: ${query.definitionKey} has no version ${missing.join(', ')} (deployed: ${deployed.map((d) => d.version).join(', ')})`, [{ field: 'versions', message: 'unknown version' }]);
    const w = this.window(query, versions);
    const [arrivals, durations, decisions, visits, staffing, surveys] = await Promise.all([
      this.history.arrivals(w), this.history.durations(w), this.history.decisions(w), this.history.visits(w), this.history.staffing(), this.history.surveys(w),
    ]);
    return {
      definitionKey: w.key,
      versions: versions.length ? versions : deployed.map((d) => d.version),
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      timeZone: w.timeZone,
      instances: visits.instances,
      arrivals: arrivalModel(arrivals, w.from, w.to),
      activities: activityModel(durations),
      decisions: decisionModel(decisions),
      visits: visitModel(visits.instances, visits.byActivity),
      staffing: { roles: Object.fromEntries(staffing.roles.map((r) => [r.key, r.n])), technicianCalendars: shares(staffing.calendars) },
      surveys: surveyModel(surveys),
    };
  }

  private window(query: SimulationModelQueryDto, versions: number[]): Window {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 28 * DAY);
    if (!(from < to)) throw new DomainError(ErrorCode.Invalid, 'from must be before to', [{ field: 'from', message: 'after to' }]);
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) throw new DomainError(ErrorCode.Invalid, `the window is at most ${MAX_WINDOW_DAYS} days: narrow from/to`, [{ field: 'from', message: 'window too long' }]);
    return { key: query.definitionKey, from, to, versions, timeZone: this.config.TIME_ZONE };
  }
}
