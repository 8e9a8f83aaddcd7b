// Message subscriptions of instances: reconciled after each command, looked up by message correlation.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessageSubscriptionEntity } from '../database/entities';
import type { WaitingMessage } from '../engine/run-types';
import { newRowId } from '../common/row-id';

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly db: DataSource) {}

  async reconcile(em: EntityManager, instanceId: string, waiting: WaitingMessage[], now: Date, newInstance = false): Promise<void> {
    const ids = waiting.map((w) => w.executionId);
    if (!newInstance) await em.query('DELETE FROM message_subscriptions WHERE instance_id = $1 AND NOT (execution_id = ANY($2::text[]))', [instanceId, ids]);
    if (!waiting.length) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(MessageSubscriptionEntity)
      .values(waiting.map((w) => ({ id: newRowId(), instanceId, messageName: w.messageName, messageId: w.messageId, activityId: w.activityId, executionId: w.executionId, createdAt: now })))
      .orIgnore()
      .execute();
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.delete(MessageSubscriptionEntity, { instanceId });
  }

  /** Subscriptions of active instances for a message, narrowed by business key or instance id. */
  find(messageName: string, target: { businessKey?: string; processInstanceId?: string }): Promise<MessageSubscriptionEntity[]> {
    const qb = this.db
      .getRepository(MessageSubscriptionEntity)
      .createQueryBuilder('s')
      .innerJoin('process_instances', 'i', 'i.id = s.instance_id')
      .where('s.message_name = :messageName', { messageName })
      .andWhere("i.status = 'active'");
    if (target.processInstanceId) qb.andWhere('s.instance_id = :id', { id: target.processInstanceId });
    if (target.businessKey) qb.andWhere('i.business_key = :bk', { bk: target.businessKey });
    return qb.orderBy('s.created_at').getMany();
  }

  findIn(em: EntityManager, instanceId: string, messageName: string): Promise<MessageSubscriptionEntity | null> {
    return em.getRepository(MessageSubscriptionEntity).findOne({ where: { instanceId, messageName }, order: { createdAt: 'ASC' } });
  }

  forInstance(instanceId: string): Promise<MessageSubscriptionEntity[]> {
    return this.db.getRepository(MessageSubscriptionEntity).findBy({ instanceId });
  }
}
