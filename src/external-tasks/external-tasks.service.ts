// External task workers: fetch-and-lock (with long polling), list, extend and release locks. Outcomes (complete,
// failure, BPMN error) are in ExternalTaskOutcomes.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage } from '../common/page.dto';
import type { ExternalTaskEntity } from '../database/entities/external-task.entity';
import { ExtendLockDto, ExternalTaskQueryDto, FetchAndLockDto, mapExternalTask, mapLockedTask } from './dto/external-task.dto';
import { ExternalTaskRepository } from './external-task.repository';
import { LongPolls } from './long-polls';
import { heldBy } from './worker-lock.util';

@Injectable()
export class ExternalTasksService {
  constructor(
    private readonly tasks: ExternalTaskRepository,
    private readonly longPolls: LongPolls,
    private readonly clock: Clock,
  ) {}

  /** Locks up to maxTasks tasks of the topics for the worker; with asyncResponseTimeout, waits for some to appear. */
  async fetchAndLock(dto: FetchAndLockDto, signal?: AbortSignal) {
    const attempt = async () => {
      if (signal?.aborted) return [];
      const locked = await this.lock(dto);
      // The client went away while we locked: release at once rather than when the locks expire.
      if (signal?.aborted && locked.length) await Promise.all(locked.map((t) => this.tasks.unlock(t.id, this.clock.now())));
      return signal?.aborted ? [] : locked;
    };
    const first = await attempt();
    if (first.length || !dto.asyncResponseTimeout || dto.maxTasks === 0) return first;
    return this.longPolls.wait({ topics: dto.topics.map((t) => t.topicName), timeoutMs: dto.asyncResponseTimeout, signal, attempt });
  }

  async list(query: ExternalTaskQueryDto) {
    const page = await this.tasks.list(query, this.clock.now());
    const facts = await this.factsOf(page.items);
    return toPage(page, query, (t) => mapExternalTask(t, facts.get(t.instanceId)));
  }

  async get(id: string) {
    const task = await this.tasks.findById(id);
    if (!task) throw DomainError.notFound('External task', id);
    return mapExternalTask(task, (await this.factsOf([task])).get(task.instanceId));
  }

  async extendLock(id: string, dto: ExtendLockDto): Promise<void> {
    const now = this.clock.now();
    if (await this.tasks.extendLock(id, dto.workerId, new Date(now.getTime() + dto.newDuration), now)) return;
    heldBy({ task: await this.tasks.findById(id), id, workerId: dto.workerId });
    throw new DomainError(ErrorCode.Conflict, `the lock of external task ${id} has expired; fetch and lock it again`);
  }

  async unlock(id: string): Promise<void> {
    if (await this.tasks.unlock(id, this.clock.now())) return;
    const task = await this.tasks.findById(id);
    if (!task) throw DomainError.notFound('External task', id);
    throw new DomainError(ErrorCode.Conflict, `external task ${id} is already ${task.state}`);
  }

  private async lock(dto: FetchAndLockDto) {
    if (dto.maxTasks === 0) return [];
    const topics = dto.topics.map((t) => ({ topicName: t.topicName, lockDuration: t.lockDuration }));
    const locked = await this.tasks.fetchAndLock({ workerId: dto.workerId, topics, max: dto.maxTasks, usePriority: dto.usePriority ?? false, now: this.clock.now() });
    if (!locked.length) return [];
    const facts = await this.tasks.instanceFacts(locked.map((t) => t.instanceId), true);
    const names = new Map(dto.topics.map((t) => [t.topicName, t.variables]));
    return locked.map((t) => mapLockedTask(t, facts.get(t.instanceId) ?? { businessKey: null, definitionKey: '', definitionId: '', variables: {} }, names.get(t.topicName)));
  }

  private factsOf(tasks: ExternalTaskEntity[]) {
    return this.tasks.instanceFacts(tasks.map((t) => t.instanceId), false);
  }
}
