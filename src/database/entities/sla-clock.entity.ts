// An SLA clock: started where the diagram says, paused while waiting on the customer or parts, warned and breached.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SlaClockStatus = 'running' | 'paused' | 'met' | 'missed' | 'cancelled';

@Entity('sla_clocks')
export class SlaClockEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text') policy!: string;
  @Column('text') scope!: 'process' | 'task';
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId!: string | null;
  @Column('text', { name: 'target_key' }) targetKey!: string;
  @Column('bigint', { name: 'target_ms', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) targetMs!: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('jsonb') pauses!: { from: string; to: string | null }[];
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('int', { array: true }) warned!: number[];
  @Column('timestamptz', { name: 'breached_at', nullable: true }) breachedAt!: Date | null;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt!: Date | null;
  @Column('text') status!: SlaClockStatus;
}
