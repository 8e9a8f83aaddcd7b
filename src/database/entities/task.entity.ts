// A user task waiting for (or done by) a person with one of its candidate roles.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FormField } from '../../engine/definition-model';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

@Entity('tasks')
export class TaskEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'execution_id' }) executionId!: string;
  @Column('text') name!: string;
  /** The name in other languages (name.<locale> of its element), by locale; searchable like the name. */
  @Column('jsonb', { nullable: true }) names!: Record<string, string> | null;
  @Column('text', { name: 'candidate_roles', array: true }) candidateRoles!: string[];
  @Column('text', { name: 'candidate_users', array: true, default: () => "'{}'" }) candidateUsers!: string[];
  @Column('text', { nullable: true }) assignee!: string | null;
  @Column('jsonb') form!: FormField[];
  @Column('text') status!: TaskStatus;
  @Column('jsonb', { nullable: true }) submitted!: Record<string, any> | null;
  /** A multi-instance iteration's element variable and loopCounter. */
  @Column('jsonb', { name: 'local_variables', nullable: true }) localVariables!: Record<string, any> | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  /** Camunda's delegation: the owner delegated to the assignee, who resolves it back. */
  @Column('text', { nullable: true }) owner!: string | null;
  @Column('text', { name: 'delegation_state', nullable: true }) delegationState!: 'pending' | 'resolved' | null;
  @Column('timestamptz', { name: 'follow_up_at', nullable: true }) followUpAt!: Date | null;
  /** Kept by database triggers (migration 1767400000000): earliest running SLA due time, and the searchable text. */
  @Column({ type: 'timestamptz', name: 'sla_due_at', nullable: true, insert: false, update: false }) slaDueAt!: Date | null;
  @Column({ type: 'text', name: 'search_text', select: false, insert: false, update: false }) searchText?: string;
}
