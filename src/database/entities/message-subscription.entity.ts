// A message catch event (or receive task) of an instance that waits for a named message.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('message_subscriptions')
export class MessageSubscriptionEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'message_name' }) messageName!: string;
  @Column('text', { name: 'message_id' }) messageId!: string;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'execution_id' }) executionId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
