// A saved tasklist filter of one user (Camunda Tasklist's filters): a name and the criteria of GET /api/tasks.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('task_filters')
export class TaskFilterEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') owner!: string;
  @Column('text') name!: string;
  @Column('jsonb') criteria!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
