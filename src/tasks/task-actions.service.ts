// Tasklist actions beside claim and complete: unclaim, delegate and resolve (Camunda's semantics), follow-up dates.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import type { TaskEntity } from '../database/entities/task.entity';
import { DelegateTaskDto, FollowUpDto } from './dto/task-action.dto';
import { mayWorkHeld } from './task-access.util';
import { TaskWorkRepository } from './task-work.repository';
import { TasksService } from './tasks.service';

@Injectable()
export class TaskActionsService {
  constructor(
    private readonly tasks: TasksService,
    private readonly work: TaskWorkRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly commands: InstanceCommandsService,
  ) {}

  /** Gives a claimed task back to its groups: its assignee, or a supervisor or manager. */
  async unclaim(id: string, principal?: Principal) {
    const task = await this.held(id, principal);
    await this.write(task, { assignee: null, claimedAt: null }, 'task.unclaimed', principal, {});
    return this.tasks.get(id, principal);
  }

  /** Camunda's delegateTask: the assignee becomes the owner (unless one is set), the user becomes the assignee. */
  async delegate(id: string, dto: DelegateTaskDto, principal?: Principal) {
    const task = await this.held(id, principal);
    const candidates = await this.work.candidates(task);
    if (!candidates.includes(dto.userId)) {
      throw new DomainError(ErrorCode.Invalid, `user "${dto.userId}" may not work this task: delegate to a user of its candidate groups (${task.candidateRoles.join(', ') || 'none'})`, [{ field: 'userId', message: 'not a candidate user' }]);
    }
    const owner = task.owner ?? task.assignee ?? principal?.name ?? null;
    await this.write(task, { owner, assignee: dto.userId, claimedAt: this.clock.now(), delegationState: 'pending' }, 'task.delegated', principal, { owner, assignee: dto.userId });
    return this.tasks.get(id, principal);
  }

  /** Camunda's resolveTask: the delegate hands the task back to its owner. */
  async resolve(id: string, principal?: Principal) {
    const task = await this.held(id, principal);
    if (task.delegationState !== 'pending') throw new DomainError(ErrorCode.Conflict, `task ${id} is not delegated`);
    await this.write(task, { assignee: task.owner, claimedAt: this.clock.now(), delegationState: 'resolved' }, 'task.resolved', principal, { owner: task.owner });
    return this.tasks.get(id, principal);
  }

  /** Sets or clears the date on which to look at the task again (anyone who may work it). */
  async followUp(id: string, dto: FollowUpDto, principal?: Principal) {
    const task = await this.tasks.find(id, principal);
    if (task.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${task.status}`);
    const followUpAt = dto.followUp === null ? null : new Date(dto.followUp);
    await this.commands.transaction(async (em) => {
      if (!(await this.work.update(id, { followUpAt }, undefined, em))) throw new DomainError(ErrorCode.Conflict, `task ${id} is no longer open`);
      await this.audit.record(em, { actor: actorOf(principal), action: 'task.followUp', targetType: 'task', targetId: id, detail: { followUp: dto.followUp } });
    });
    return this.tasks.get(id, principal);
  }

  /** The users the task may be delegated to. */
  async candidates(id: string, principal?: Principal): Promise<string[]> {
    return this.work.candidates(await this.tasks.find(id, principal));
  }

  /** An open, claimed task that the caller holds or leads. */
  private async held(id: string, principal?: Principal): Promise<TaskEntity> {
    const task = await this.tasks.find(id, principal);
    if (task.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${id} is ${task.status}`);
    if (!task.assignee) throw new DomainError(ErrorCode.Conflict, `task ${id} is not claimed`);
    if (!mayWorkHeld({ principal, assignee: task.assignee })) throw new DomainError(ErrorCode.Forbidden, `task ${id} is held by ${task.assignee}: only they, or a supervisor or manager, may hand it on`);
    return task;
  }

  private async write(task: TaskEntity, changes: Parameters<TaskWorkRepository['update']>[1], action: string, principal: Principal | undefined, detail: Record<string, unknown>) {
    // the change and its audit entry commit together
    await this.commands.transaction(async (em) => {
      if (!(await this.work.update(task.id, changes, task.assignee, em))) throw new DomainError(ErrorCode.Conflict, `task ${task.id} changed meanwhile: reload it`);
      await this.audit.record(em, { actor: actorOf(principal), action, targetType: 'task', targetId: task.id, detail: { from: task.assignee, ...detail } });
    });
  }
}
