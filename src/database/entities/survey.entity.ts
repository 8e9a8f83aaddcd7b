// One satisfaction survey: the resolution it asks about, where it stands, and the customer's answer.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SurveyStatus = 'scheduled' | 'sent' | 'reminded' | 'answered' | 'expired' | 'cancelled';

@Entity('surveys')
export class SurveyEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'resolution_key' }) resolutionKey!: string;
  @Column('uuid', { name: 'source_instance_id', nullable: true }) sourceInstanceId!: string | null;
  @Column('text', { name: 'source_definition_key', nullable: true }) sourceDefinitionKey!: string | null;
  @Column('int', { name: 'source_definition_version', nullable: true }) sourceDefinitionVersion!: number | null;
  @Column('text', { name: 'source_business_key', nullable: true }) sourceBusinessKey!: string | null;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('text', { nullable: true }) priority!: string | null;
  @Column('text', { nullable: true }) region!: string | null;
  @Column('text') status!: SurveyStatus;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { name: 'reminded_at', nullable: true }) remindedAt!: Date | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('jsonb', { nullable: true }) scores!: Record<string, number> | null;
  @Column('int', { nullable: true }) overall!: number | null;
  @Column('int', { nullable: true }) nps!: number | null;
  @Column('text', { nullable: true }) suggestions!: string | null;
  @Column('boolean', { name: 'wants_complaint', nullable: true }) wantsComplaint!: boolean | null;
  @Column('boolean', { name: 'low_score', nullable: true }) lowScore!: boolean | null;
  @Column('text', { name: 'recovery_kind', nullable: true }) recoveryKind!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
