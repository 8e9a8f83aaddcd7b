// Process instances: start (start-form validated), query, detail with history, cancel.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { DefinitionCache } from '../definitions/definition-cache';
import { mapWaitingExternalTask } from '../external-tasks/dto/external-task.dto';
import { ExternalTaskRepository } from '../external-tasks/external-task.repository';
import { validateForm } from '../tasks/form-validator';
import { problemsLine } from '../tasks/form-messages';
import type { Language } from '../common/request-language';
import { SlaView } from '../sla/sla-view';
import { GroupRepository } from '../groups/group.repository';
import { TaskRepository } from '../tasks/task.repository';
import { isParked } from '../timers/parked-timers';
import { maySeeTask } from '../tasks/task-access.util';
import type { Principal } from '../auth/principal';
import { CancelInstanceDto, InstanceQueryDto, mapInstance, mapInstanceDetail, StartInstanceDto } from './dto/instance.dto';
import { HistoryRepository } from './history.repository';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from './instance.repository';
import { InstanceSearchRepository } from './instance-search.repository';
import { SubscriptionRepository } from './subscription.repository';
import { ENGINE_TIMER, TimerKinds } from '../timers/timer-kinds';
import { TimerRepository } from '../timers/timer.repository';
import { CalendarTimers } from '../timers/calendar-timers';
import { Clock } from '../common/clock';

@Injectable()
export class InstancesService {
  constructor(
    private readonly cache: DefinitionCache,
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
    private readonly search: InstanceSearchRepository,
    private readonly history: HistoryRepository,
    private readonly tasks: TaskRepository,
    private readonly timers: TimerRepository,
    private readonly kinds: TimerKinds,
    private readonly subscriptions: SubscriptionRepository,
    private readonly sla: SlaView,
    private readonly externalTasks: ExternalTaskRepository,
    private readonly groups: GroupRepository,
    private readonly calendarTimers: CalendarTimers,
    private readonly clock: Clock,
  ) {}

  async start(dto: StartInstanceDto, principal?: Principal, language: Language = 'en') {
    this.commands.checkVariables(dto.variables); // before the form check copies them
    const definition = await this.cache.latest(dto.definitionKey);
    const { values, errors } = validateForm(definition.model.startForm, dto.variables ?? {}, true, language);
    if (errors.length) throw new DomainError(ErrorCode.Invalid, problemsLine(language, 'startProblems', errors.map((e) => e.message)), errors);
    // camunda:initiator: who started it, as the server knows it (what the caller sent under that name is replaced).
    const initiator = Object.values(definition.model.elements).find((e) => e.type === 'bpmn:StartEvent' && !e.parentId && e.initiator)?.initiator;
    if (initiator && principal) values[initiator] = principal.name;
    const { instance } = await this.commands.start(definition, dto.businessKey ?? null, values);
    return mapInstance(instance);
  }

  async list(query: InstanceQueryDto): Promise<Page<ReturnType<typeof mapInstance>>> {
    const fields = { customer: query.customer, phone: query.phone, device: query.device, serial: query.serial };
    const variables = (query.variable ?? []).map((v): [string, string] => [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)]);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return toPage(await this.search.list({ ...query, fields: defined, variables }), query, mapInstance);
  }

  /** The detail as `principal` may see it: tasks they may not see (maySeeTask, as on /api/tasks) are left out. */
  async get(id: string, principal?: Principal) {
    const instance = await this.instances.findById(id);
    if (!instance) throw DomainError.notFound('Process instance', id);
    const [allHistory, allTasks, timers, messages, sla, externalTasks, childInstances] = await Promise.all([
      this.history.forInstance(id),
      this.tasks.forInstance(id),
      this.timers.forInstance(id),
      this.subscriptions.forInstance(id),
      this.sla.forInstance(id),
      this.externalTasks.openForInstance(id),
      this.instances.children(id),
    ]);
    const memberOf = await this.groups.memberOf(principal);
    const tasks = allTasks.filter((task) => maySeeTask({ principal, task, memberOf }));
    const hidden = new Set(allTasks.filter((task) => !tasks.includes(task)).map((task) => task.id));
    // The path stays visible; what was submitted in a hidden task (and to whom it went) does not.
    const history = allHistory.map((h) => (hidden.has(String(h.detail?.taskId)) ? { ...h, detail: { taskId: h.detail?.taskId } } : h));
    const engineTimers = timers.filter((t) => this.kinds.kindOf(t) === ENGINE_TIMER && (!isParked(t.dueAt) || !!t.pausedAt)); // parked: shown by its incident; paused (calendar): shown as paused
    const detail = mapInstanceDetail(instance, { history, tasks, timers: engineTimers, messages });
    // Business-calendar timers also read in working time (calendar-timers.ts).
    const now = this.clock.now();
    detail.timers = detail.timers.map((t, i) => ({ ...t, ...this.calendarTimers.describe(engineTimers[i], now) }));
    const { elements } = (await this.cache.get(instance.definitionId)).model; // task names in other languages (name.zh-CN)
    return { ...detail, tasks: detail.tasks.map((t) => ({ ...t, names: elements[t.activityId]?.names ?? null })), sla, externalTasks: externalTasks.map(mapWaitingExternalTask), parentInstanceId: instance.parentInstanceId ?? null, parentActivityId: instance.parentActivityId ?? null, childInstances };
  }

  async cancel(id: string, dto: CancelInstanceDto) {
    return mapInstance(await this.commands.cancel(id, dto.reason));
  }
}
