// Process instances: start (start-form validated), query, detail with history, cancel.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { DefinitionCache } from '../definitions/definition-cache';
import { validateForm } from '../tasks/form-validator';
import { SlaView } from '../sla/sla-view';
import { TaskRepository } from '../tasks/task.repository';
import { CancelInstanceDto, InstanceQueryDto, mapInstance, mapInstanceDetail, StartInstanceDto } from './dto/instance.dto';
import { CALL_RETURN } from './call-activities';
import { SIGNAL_DELIVERY } from './signal.repository';
import { HistoryRepository } from './history.repository';
import { InstanceCommandsService } from './instance-commands.service';
import { InstanceRepository } from './instance.repository';
import { SubscriptionRepository } from './subscription.repository';
import { TimerRepository } from './timer.repository';

@Injectable()
export class InstancesService {
  constructor(
    private readonly cache: DefinitionCache,
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly tasks: TaskRepository,
    private readonly timers: TimerRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly sla: SlaView,
  ) {}

  async start(dto: StartInstanceDto) {
    const definition = await this.cache.latest(dto.definitionKey);
    const { values, errors } = validateForm(definition.model.startForm, dto.variables ?? {}, true);
    if (errors.length) throw new DomainError(ErrorCode.Invalid, `the start variables have ${errors.length} problem(s): ${errors.map((e) => e.message).join('; ')}`, errors);
    const { instance } = await this.commands.start(definition, dto.businessKey ?? null, values);
    return mapInstance(instance);
  }

  async list(query: InstanceQueryDto): Promise<Page<ReturnType<typeof mapInstance>>> {
    return toPage(await this.instances.list(query), query, mapInstance);
  }

  async get(id: string) {
    const instance = await this.instances.findById(id);
    if (!instance) throw DomainError.notFound('Process instance', id);
    const [history, tasks, timers, messages, sla, childInstances] = await Promise.all([
      this.history.forInstance(id),
      this.tasks.forInstance(id),
      this.timers.forInstance(id),
      this.subscriptions.forInstance(id),
      this.sla.forInstance(id),
      this.instances.children(id),
    ]);
    const detail = mapInstanceDetail(instance, { history, tasks, timers: timers.filter((t) => t.timerType !== 'slaCheck' && t.timerType !== CALL_RETURN && t.timerType !== SIGNAL_DELIVERY), messages });
    return { ...detail, sla, parentInstanceId: instance.parentInstanceId ?? null, parentActivityId: instance.parentActivityId ?? null, childInstances };
  }

  async cancel(id: string, dto: CancelInstanceDto) {
    return mapInstance(await this.commands.cancel(id, dto.reason));
  }
}
