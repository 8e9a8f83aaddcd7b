// A service task waiting for an integrator's worker: fetched and locked by topic, completed, failed or BPMN-errored.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExternalTaskState = 'open' | 'completed' | 'cancelled';

@Entity('external_tasks')
export class ExternalTaskEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'execution_id' }) executionId!: string;
  @Column('text', { name: 'topic_name' }) topicName!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) priority!: number;
  @Column('text') state!: ExternalTaskState;
  @Column('text', { name: 'worker_id', nullable: true }) workerId!: string | null;
  @Column('timestamptz', { name: 'lock_expiration_time', nullable: true }) lockExpirationTime!: Date | null;
  /** null until a worker reports a failure (Camunda: the worker decides how many retries are left). */
  @Column('int', { nullable: true }) retries!: number | null;
  /** Not fetchable before this (the failure's retryTimeout). */
  @Column('timestamptz', { name: 'retry_at', nullable: true }) retryAt!: Date | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage!: string | null;
  @Column('text', { name: 'error_details', nullable: true }) errorDetails!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
}
