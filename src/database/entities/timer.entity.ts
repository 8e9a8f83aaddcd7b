// An armed BPMN timer: firing it means "run the instance's fire-timer command at due_at".
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('timers')
export class TimerEntity {
  @PrimaryColumn('uuid') id!: string;
  /**
   * Every row of the timers table belongs to an instance (the primary key is (instance_id, id)). Null only on a timer
   * start event claimed from start_timers (StartTimerRepository), which the poller fires through the same handlers.
   */
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string | null;
  /** Not a column of timers: set on a claimed timer start event, the definition version it starts. */
  definitionId?: string | null;
  @Column('int', { name: 'fired_count', default: 0 }) firedCount!: number;
  @Column('text', { name: 'activity_id' }) activityId!: string;
  @Column('text', { name: 'timer_key' }) timerKey!: string;
  @Column('text', { name: 'timer_type' }) timerType!: string;
  @Column('text', { nullable: true }) expression!: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  /** A business calendar (processes/sla.json): the due time counts working time on it. */
  @Column('text', { nullable: true }) calendar?: string | null;
  /** An SLA policy: the timer stops while the instance waits where that policy's clocks pause. */
  @Column('text', { name: 'pause_with', nullable: true }) pauseWith?: string | null;
  /** Working time is counted from here (null while paused). */
  @Column('timestamptz', { name: 'work_from', nullable: true }) workFrom?: Date | null;
  /** Working milliseconds still to count from workFrom (or, while paused, left when it paused); null for a date. */
  @Column('bigint', { name: 'work_ms', nullable: true, transformer: { to: (v) => v, from: (v) => (v === null || v === undefined ? v : Number(v)) } }) workMs?: number | null;
  @Column('timestamptz', { name: 'paused_at', nullable: true }) pausedAt?: Date | null;
  /** Fingerprint of the calendar the due time was planned with. */
  @Column('text', { name: 'calendar_version', nullable: true }) calendarVersion?: string | null;
}
