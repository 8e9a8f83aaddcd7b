// One line of the audit log: who did what to which object, and when.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryColumn('bigint', { generated: 'increment' }) id!: string;
  @Column('timestamptz') at!: Date;
  /** `user:<username>`, `key:<name>` or `system`. */
  @Column('text') actor!: string;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type' }) targetType!: string;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('jsonb', { nullable: true }) detail!: Record<string, unknown> | null;
}
