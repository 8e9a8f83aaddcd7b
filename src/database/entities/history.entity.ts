// One entry of an instance's audit trail: activity starts/ends, tasks, messages, timers, cancellations.
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('history')
export class HistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') type!: string;
  @Column('text', { name: 'activity_id', nullable: true }) activityId!: string | null;
  @Column('jsonb', { nullable: true }) detail!: Record<string, any> | null;
}
