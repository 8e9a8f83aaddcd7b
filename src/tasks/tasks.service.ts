// User tasks: list, read, claim, and complete (form-validated, exactly one completion wins).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { ClaimTaskDto, CompleteTaskDto, mapTask, TaskQueryDto } from './dto/task.dto';
import { validateForm } from './form-validator';
import { problemsLine } from './form-messages';
import type { Language } from '../common/request-language';
import { SlaView } from '../sla/sla-view';
import { TaskRepository } from './task.repository';
import { TaskListRepository } from './task-list.repository';
import { ME } from './dto/task-criteria.dto';
import { AuditService } from '../audit/audit.service';
import { GroupRepository } from '../groups/group.repository';
import { actorOf, type Principal } from '../auth/principal';
import { completionBy, completionHolder, foreignTask, mayClaimFor, maySeeTask, taskVisibility } from './task-access.util';
import { PeopleService } from '../people/people.service';
import { DataIncidents } from '../incidents/data-incidents';
import { DefinitionCache } from '../definitions/definition-cache';
import type { TaskEntity } from '../database/entities/task.entity';
import type { EntityManager } from 'typeorm';

/** What a task's view needs of its instance. */
type InstanceKeys = { businessKey: string | null; definitionKey: string; definitionId: string };

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly sla: SlaView,
    private readonly instances: InstanceRepository,
    private readonly audit: AuditService,
    private readonly groups: GroupRepository,
    private readonly people: PeopleService,
    private readonly dataIncidents: DataIncidents,
    private readonly listing: TaskListRepository,
    private readonly definitions: DefinitionCache,
  ) {}

  /** Each task with its request's business key and its SLA clocks, so a tasklist needs no call per row. */
  async list(query: TaskQueryDto, principal?: Principal): Promise<Page<ReturnType<typeof mapTask> & { businessKey: string | null; definitionKey: string | null; sla: unknown[] }>> {
    const visibleTo = taskVisibility(principal, await this.memberOf(principal));
    const page = await this.listing.list({ ...query, assignee: query.assignee === ME ? (principal?.name ?? '') : query.assignee, visibleTo }, this.clock.now());
    const [keys, clocks] = await Promise.all([this.instances.keysOf(page.items.map((t) => t.instanceId)), this.sla.forTasks(page.items)]);
    const names = await this.localNames(page.items, keys);
    return toPage(page, query, (t) => ({ ...mapTask(t), names: names.get(t.id) ?? null, businessKey: keys.get(t.instanceId)?.businessKey ?? null, definitionKey: keys.get(t.instanceId)?.definitionKey ?? null, sla: clocks.get(t.id) ?? [] }));
  }

  async get(id: string, principal?: Principal) {
    return this.view(await this.find(id, principal));
  }

  async claim(id: string, dto: ClaimTaskDto, principal?: Principal) {
    const task = await this.find(id, principal);
    if (!mayClaimFor({ principal, assignee: dto.assignee })) throw new DomainError(ErrorCode.Forbidden, `you may claim tasks for yourself only (assignee "${principal?.name ?? ''}")`);
    // the claim and its audit entry commit together
    const claimed = await this.commands.transaction(async (em) => {
      const row = await this.tasks.claim(task, dto.assignee, this.clock.now(), em);
      if (row) await this.audit.record(em, { actor: actorOf(principal), action: 'task.claimed', targetType: 'task', targetId: id, detail: { assignee: dto.assignee } });
      return row;
    });
    // Answered from the row the claim returned (claimed by the caller or for someone by a lead: still theirs to see).
    if (claimed) return this.view(claimed);
    const now = await this.find(id, principal);
    if (now.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${now.status}`);
    throw new DomainError(ErrorCode.Conflict, `task ${id} is already claimed by ${now.assignee}`);
  }

  /**
   * A task as the API shows it: with its request's keys, its names in other languages and its SLA clocks. `instance`:
   * its keys when the caller holds the instance already (they are read otherwise).
   */
  private async view(task: TaskEntity, instance?: InstanceKeys) {
    const keys = instance ? new Map([[task.instanceId, instance]]) : await this.instances.keysOf([task.instanceId]);
    const [names, sla] = await Promise.all([this.localNames([task], keys), this.sla.forTask(task.id, task.instanceId)]);
    return { ...mapTask(task), names: names.get(task.id) ?? null, businessKey: keys.get(task.instanceId)?.businessKey ?? null, definitionKey: keys.get(task.instanceId)?.definitionKey ?? null, sla };
  }

  async complete(id: string, dto: CompleteTaskDto, principal?: Principal, language: Language = 'en') {
    const task = await this.find(id, principal);
    if (task.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${task.status}`);
    // A task without camunda:formData (a Camunda/Flowable diagram with a formKey or no form) takes the variables sent, as in Camunda.
    const { values, errors } = validateForm(task.form, dto.variables ?? {}, task.form.length === 0, language);
    if (errors.length) throw new DomainError(ErrorCode.Invalid, problemsLine(language, 'formProblems', errors.map((e) => e.message)), errors);
    await this.people.checkForm(task.form, values); // a field naming a person takes only an active holder of its role
    let completed: TaskEntity | undefined;
    const run = this.commands.execute(task.instanceId, async (_instance, em) => {
      const now = this.clock.now();
      // One statement completes it when the caller may (open, no pending delegation, not held by someone else); the
      // row it returns is the task as stored after the command (a completed task's SLA due time no longer changes).
      completed = (await this.tasks.completeIf(em, task, values, now, completionHolder(principal))) ?? (await this.completeRefused(em, task, principal, values, now));
      const override = completionBy({ principal, assignee: completed.assignee }) === 'override' ? { claimedBy: completed.assignee, override: true } : {};
      await this.audit.record(em, { actor: actorOf(principal), action: 'task.completed', targetType: 'task', targetId: id, detail: { instanceId: task.instanceId, activityId: task.activityId, ...override } });
      return {
        action: { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: values },
        completedTaskId: id,
        history: [{ at: now, type: 'task.completed', activityId: task.activityId, detail: { taskId: id, assignee: task.assignee, variables: values } }],
      };
    });
    // A completion that fails on data (e.g. a timer expression) becomes an incident a supervisor can fix and retry.
    const { instance } = await run.catch(async (err) => Promise.reject(await this.dataIncidents.onCompletionFailed(err, { task, values, actor: actorOf(principal) })));
    // Answered from the completed row and the instance in hand; the SLA clocks change in the command, so they are read.
    return { ...(await this.view(completed!, instance)), processInstance: { id: instance.id, status: instance.status, activeActivityIds: instance.activeActivityIds } };
  }

  /** Why the locked task may not be completed (a DomainError); when it may after all (changed meanwhile), completes it. */
  private async completeRefused(em: EntityManager, task: TaskEntity, principal: Principal | undefined, values: Record<string, unknown>, now: Date): Promise<TaskEntity> {
    const id = task.id;
    const locked = await this.tasks.lockIn(em, task.instanceId, id);
    if (locked?.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${locked?.status ?? 'gone'}`);
    // Camunda 7 refuses to complete a task whose delegation is pending: the delegate resolves it back to the owner.
    if (locked.delegationState === 'pending') throw new DomainError(ErrorCode.Conflict, `task ${id} is delegated to ${locked.assignee}: they resolve it (POST /api/tasks/${id}/resolve) and ${locked.owner} completes it`);
    // Checked on the locked row, so a claim made meanwhile counts.
    if (completionBy({ principal, assignee: locked.assignee }) === 'held') throw new DomainError(ErrorCode.Conflict, `task ${id} is claimed by ${locked.assignee}: only they, or a supervisor or manager, may complete it`);
    const completed = await this.tasks.completeIf(em, locked, values, now, completionHolder(principal));
    if (!completed) throw new DomainError(ErrorCode.Conflict, `task ${id} changed while it was being completed: try again`);
    return completed;
  }

  /** Each task's name in other languages (name.<locale> on its element, in the version its instance runs). */
  private async localNames(tasks: TaskEntity[], keys: Map<string, { definitionId: string }>): Promise<Map<string, Record<string, string> | undefined>> {
    const ids = [...new Set(tasks.map((t) => keys.get(t.instanceId)?.definitionId).filter((id): id is string => !!id))];
    const models = new Map(await Promise.all(ids.map(async (id) => [id, (await this.definitions.get(id)).model] as const)));
    return new Map(tasks.map((t) => [t.id, models.get(keys.get(t.instanceId)?.definitionId ?? '')?.elements[t.activityId]?.names]));
  }

  /** A task the caller may see; one they may not is answered like a missing one (no probing of ids). */
  async find(id: string, principal?: Principal) {
    const task = await this.tasks.findById(id);
    if (!task) throw DomainError.notFound('Task', id);
    // Still a 404 (its form and values stay hidden), naming the groups it is for, so the page can say whose it is.
    if (!maySeeTask({ principal, task, memberOf: await this.memberOf(principal) })) throw foreignTask(id, task.candidateRoles);
    return task;
  }

  /** The caller's groups beyond their roles, read only when they limit what the caller sees (not for leads). */
  private memberOf(principal?: Principal): Promise<string[]> {
    return taskVisibility(principal) ? this.groups.memberOf(principal) : Promise.resolve([]);
  }
}
