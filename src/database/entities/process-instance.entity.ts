// One running or finished process instance; `state` is the slim bpmn-engine state, `revision` counts commands.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InstanceStatus = 'active' | 'completed' | 'cancelled';

@Entity('process_instances')
export class ProcessInstanceEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'definition_id' }) definitionId!: string;
  @Column('text', { name: 'definition_key' }) definitionKey!: string;
  @Column('int', { name: 'definition_version' }) definitionVersion!: number;
  @Column('text', { name: 'business_key', nullable: true }) businessKey!: string | null;
  @Column('text') status!: InstanceStatus;
  @Column('jsonb', { nullable: true }) state!: object | null;
  @Column('jsonb') variables!: Record<string, any>;
  @Column('text', { name: 'active_activity_ids', array: true }) activeActivityIds!: string[];
  @Column('text', { name: 'end_activity_id', nullable: true }) endActivityId!: string | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('int') revision!: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  /** Set on a child started by a call activity: the parent instance and the execution that waits for the child. */
  @Column('uuid', { name: 'parent_instance_id', nullable: true }) parentInstanceId?: string | null;
  @Column('text', { name: 'parent_execution_id', nullable: true }) parentExecutionId?: string | null;
  @Column('text', { name: 'parent_activity_id', nullable: true }) parentActivityId?: string | null;
}
