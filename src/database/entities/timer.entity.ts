// An armed BPMN timer: firing it means "run the instance's fire-timer command at due_at".
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('timers')
export class TimerEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'timer_key' }) timerKey!: string;
  @Column('text', { name: 'timer_type' }) timerType!: string;
  @Column('text', { nullable: true }) expression!: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
