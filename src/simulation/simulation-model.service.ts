// Learns a simulation model of one process from its history in a window (issue 18, item 1): editable JSON.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { DefinitionCache } from '../definitions/definition-cache';
import { DefinitionsService } from '../definitions/definitions.service';
import { SlaConfig } from '../sla/sla-config';
import { concurrency, messageWaits, otherWork, workingFits } from './simulation-model-extra.util';
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
    private readonly cache: DefinitionCache,
    private readonly sla: SlaConfig,
  ) {}

  async learn(query: SimulationModelQueryDto) {
    const deployed = await this.definitions.versions(query.definitionKey); // 404 for an unknown process
    const versions = query.versions ?? [];
    const missing = versions.filter((v) => !deployed.some((d) => d.version === v));
    if (missing.length) throw new DomainError(ErrorCode.Invalid, `versions: ${query.definitionKey} has no version ${missing.join(', ')} (deployed: ${deployed.map((d) => d.version).join(', ')})`, [{ field: 'versions', message: 'unknown version' }]);
    const w = this.window(query, versions);
    const [arrivals, durations, decisions, visits, staffing, surveys, spans, peaks, waits, latest, other] = await Promise.all([
      this.history.arrivals(w), this.history.durations(w), this.history.decisions(w), this.history.visits(w), this.history.staffing(), this.history.surveys(w),
      this.history.taskSpans(w), this.history.peakOpenTasks(w), this.history.waits(w), this.cache.latest(w.key), this.history.otherWork(w),
    ]);
    // Staff work on the calendar of the process's own SLA policy (the desk's hours); without one, around the clock.
    const policy = Object.values(latest.model.elements).find((e) => e.type === 'bpmn:StartEvent' && !e.parentId && e.slaPolicy)?.slaPolicy;
    const calendar = (policy && this.sla.policies.get(policy)?.calendar) || this.sla.calendars.get('24x7')!;
    const working = workingFits(spans, calendar);
    const activities = activityModel(durations);
    for (const [key, a] of Object.entries(activities)) Object.assign(a, working.has(key) && { working: working.get(key) });
    const roles = Object.fromEntries(staffing.roles.map((r) => [r.key, r.n]));
    return {
      definitionKey: w.key,
      versions: versions.length ? versions : deployed.map((d) => d.version),
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      timeZone: w.timeZone,
      instances: visits.instances,
      arrivals: arrivalModel(arrivals, w.from, w.to),
      activities,
      decisions: decisionModel(decisions),
      visits: visitModel(visits.instances, visits.byActivity),
      staffing: { roles, technicianCalendars: shares(staffing.calendars), calendar: calendar.id, concurrency: concurrency(peaks, roles), otherWork: otherWork(other, calendar, w.to.getTime() - w.from.getTime()) },
      messages: messageWaits(waits, latest.model),
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
