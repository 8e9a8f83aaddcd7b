// An incident: a service task whose handler failed (retried with backoff, then left for a person), or a command that failed on data.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IncidentStatus = 'retrying' | 'open' | 'resolved';

@Entity('incidents')
export class IncidentEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'execution_id' }) executionId!: string;
  @Column('text') error!: string;
  @Column('int') attempts!: number;
  @Column('text') status!: IncidentStatus;
  @Column('timestamptz', { name: 'next_retry_at', nullable: true }) nextRetryAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('text', { nullable: true }) resolution!: string | null;
  /** A command that failed on data (task completion, timer, message), retried as it was; null for a service task. */
  @Column('jsonb', { nullable: true }) command?: IncidentCommand | null;
}

/** A command that failed on data, kept to be run again with corrected variables (see src/incidents/data-incidents.ts). */
export type IncidentCommand =
  | {
      type: 'completeTask';
      taskId: string;
      // any: free-form JSON, and TypeORM's partial update types refuse unknown
      values: Record<string, any>;
      actor: string | null;
    }
  /** A due timer whose firing failed: its row is parked until the retry fires it again. */
  | { type: 'fireTimer'; timerKey: string }
  /** A message whose delivery failed: the retry delivers it again with its variables and the corrections. */
  | { type: 'correlateMessage'; messageName: string; variables: Record<string, any> };
