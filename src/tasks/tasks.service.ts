// User tasks: list, read, claim, and complete (form-validated, exactly one completion wins).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { InstanceCommandsService } from '../instances/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { ClaimTaskDto, CompleteTaskDto, mapTask, TaskQueryDto } from './dto/task.dto';
import { validateForm } from './form-validator';
import { SlaView } from '../sla/sla-view';
import { TaskRepository } from './task.repository';

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly sla: SlaView,
    private readonly instances: InstanceRepository,
  ) {}

  /** Each task with its request's business key and its SLA clocks, so a tasklist needs no call per row. */
  async list(query: TaskQueryDto): Promise<Page<ReturnType<typeof mapTask> & { businessKey: string | null; definitionKey: string | null; sla: unknown[] }>> {
    const page = await this.tasks.list(query);
    const [keys, clocks] = await Promise.all([this.instances.keysOf(page.items.map((t) => t.instanceId)), this.sla.forTasks(page.items)]);
    return toPage(page, query, (t) => ({ ...mapTask(t), businessKey: keys.get(t.instanceId)?.businessKey ?? null, definitionKey: keys.get(t.instanceId)?.definitionKey ?? null, sla: clocks.get(t.id) ?? [] }));
  }

  async get(id: string) {
    const task = await this.find(id);
    const [keys, sla] = await Promise.all([this.instances.keysOf([task.instanceId]), this.sla.forTask(id, task.instanceId)]);
    return { ...mapTask(task), businessKey: keys.get(task.instanceId)?.businessKey ?? null, definitionKey: keys.get(task.instanceId)?.definitionKey ?? null, sla };
  }

  async claim(id: string, dto: ClaimTaskDto) {
    if (await this.tasks.claim(id, dto.assignee, this.clock.now())) return this.get(id);
    const task = await this.find(id);
    if (task.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${task.status}`);
    throw new DomainError(ErrorCode.Conflict, `task ${id} is already claimed by ${task.assignee}`);
  }

  async complete(id: string, dto: CompleteTaskDto) {
    const task = await this.find(id);
    if (task.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${task.status}`);
    const { values, errors } = validateForm(task.form, dto.variables ?? {});
    if (errors.length) throw new DomainError(ErrorCode.Invalid, `the form has ${errors.length} problem(s): ${errors.map((e) => e.message).join('; ')}`, errors);
    const { instance } = await this.commands.execute(task.instanceId, async (_instance, em) => {
      const locked = await this.tasks.lockIn(em, id);
      if (locked?.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${locked?.status ?? 'gone'}`);
      await this.tasks.markCompleted(em, id, values, this.clock.now());
      return {
        action: { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: values },
        completedTaskId: id,
        history: [{ at: this.clock.now(), type: 'task.completed', activityId: task.activityId, detail: { taskId: id, assignee: task.assignee, variables: values } }],
      };
    });
    return { ...(await this.get(id)), processInstance: { id: instance.id, status: instance.status, activeActivityIds: instance.activeActivityIds } };
  }

  private async find(id: string) {
    const task = await this.tasks.findById(id);
    if (!task) throw DomainError.notFound('Task', id);
    return task;
  }
}
