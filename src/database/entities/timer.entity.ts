// An armed BPMN timer: firing it means "run the instance's fire-timer command at due_at".
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('timers')
export class TimerEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Set for timers of an instance; null for a timer start event (then definitionId is set). */
  @Column('uuid', { name: 'instance_id', nullable: true }) instanceId!: string | null;
  @Column('uuid', { name: 'definition_id', nullable: true }) definitionId!: string | null;
  @Column('int', { name: 'fired_count', default: 0 }) firedCount!: number;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'timer_key' }) timerKey!: string;
  @Column('text', { name: 'timer_type' }) timerType!: string;
  @Column('text', { nullable: true }) expression!: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
