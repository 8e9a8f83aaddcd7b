// A complaint (or request) that moved up a level: who has to act, and what they did about it.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EscalationStatus = 'open' | 'acknowledged' | 'resolved';

@Entity('escalations')
export class EscalationEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('int') level!: number;
  @Column('int') cycle!: number;
  @Column('text') role!: string;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId!: string | null;
  @Column('text') status!: EscalationStatus;
  @Column('text', { nullable: true }) assignee!: string | null;
  @Column('text', { name: 'acknowledged_by', nullable: true }) acknowledgedBy!: string | null;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('text', { nullable: true }) resolution!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
