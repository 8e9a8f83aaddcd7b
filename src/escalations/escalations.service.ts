// Escalations for supervisors and managers: list, acknowledge, reassign (the escalated task goes with it), resolve.
// Each action is recorded in the instance history and published, in one transaction.
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import type { EscalationEntity } from '../database/entities/escalation.entity';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceRepository } from '../instances/instance.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { toOutboxEvents } from '../notifications/outbox-events.util';
import { TaskRepository } from '../tasks/task.repository';
import { AcknowledgeEscalationDto, EscalationQueryDto, mapEscalation, ReassignEscalationDto, ResolveEscalationDto } from './dto/escalation.dto';
import { EscalationRepository } from './escalation.repository';
import { PeopleService } from '../people/people.service';

@Injectable()
export class EscalationsService {
  constructor(
    private readonly db: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  /** With each escalation's request (business key, definition), for the supervisor board. */
  async list(query: EscalationQueryDto): Promise<Page<ReturnType<typeof mapEscalation> & { businessKey: string | null; definitionKey: string | null }>> {
    const page = await this.escalations.list(query);
    const keys = await this.instances.keysOf(page.items.map((e) => e.instanceId));
    return toPage(page, query, (e) => ({ ...mapEscalation(e), businessKey: keys.get(e.instanceId)?.businessKey ?? null, definitionKey: keys.get(e.instanceId)?.definitionKey ?? null }));
  }

  async get(id: string) {
    return mapEscalation(await this.find(id));
  }

  /** The actor is the signed-in caller (supervisors and managers only reach this). */
  acknowledge(id: string, _dto: AcknowledgeEscalationDto, principal?: Principal) {
    const by = principal?.kind === 'user' ? principal.name : null;
    return this.act(id, 'escalation.acknowledged', principal, async (e, em, now) => {
      if (e.status !== 'open') throw new DomainError(ErrorCode.Conflict, `escalation ${id} is ${e.status}`);
      await this.escalations.update(em, e, { status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: now });
      return { by };
    });
  }

  async reassign(id: string, dto: ReassignEscalationDto, principal?: Principal) {
    // The new assignee must be an active holder of the escalation level's role (supervisor for L2, manager for L3).
    await this.people.requireHolder(dto.assignee, (await this.find(id)).role);
    return this.act(id, 'escalation.reassigned', principal, async (e, em, now) => {
      if (e.taskId && !(await this.tasks.reassign(em, { instanceId: e.instanceId, id: e.taskId }, dto.assignee, now))) {
        throw new DomainError(ErrorCode.Conflict, `the escalated task ${e.taskId} is no longer open`);
      }
      await this.escalations.update(em, e, { assignee: dto.assignee });
      return { assignee: dto.assignee, taskId: e.taskId };
    });
  }

  resolve(id: string, dto: ResolveEscalationDto, principal?: Principal) {
    return this.act(id, 'escalation.resolved', principal, async (e, em, now) => {
      await this.escalations.update(em, e, { status: 'resolved', resolvedAt: now, resolution: dto.note });
      return { resolution: dto.note };
    });
  }

  private async act(id: string, type: string, principal: Principal | undefined, change: (e: EscalationEntity, em: EntityManager, now: Date) => Promise<Record<string, unknown>>) {
    const { instanceId } = await this.find(id);
    await this.db.transaction(async (em) => {
      // The instance lock serialises this with commands and with other actions on its escalations.
      const instance = await this.instances.lock(em, instanceId);
      const escalation = (await this.escalations.findIn(em, instanceId, id))!;
      if (escalation.status === 'resolved') throw new DomainError(ErrorCode.Conflict, `escalation ${id} is already resolved`);
      const now = this.clock.now();
      const detail = { escalationId: id, level: escalation.level, role: escalation.role, ...(await change(escalation, em, now)) };
      const history = [{ at: now, type, activityId: null, detail }];
      await this.history.append(em, escalation.instanceId, history);
      await this.audit.record(em, { actor: actorOf(principal), action: type, targetType: 'escalation', targetId: id, detail });
      if (instance) await this.outbox.append(em, toOutboxEvents({ instance, model: null, history }));
    });
    return this.get(id);
  }

  private async find(id: string) {
    const escalation = await this.escalations.findById(id);
    if (!escalation) throw DomainError.notFound('Escalation', id);
    return escalation;
  }
}
