// A comment or an attachment on a request: internal (staff only) or customer-visible; attachment bytes in `content`.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NoteVisibility = 'internal' | 'customer';

@Entity('request_comments')
export class RequestCommentEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text') author!: string;
  @Column('text') visibility!: NoteVisibility;
  @Column('text') body!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('request_attachments')
export class RequestAttachmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @PrimaryColumn('uuid', { name: 'instance_id' }) instanceId!: string;
  @Column('text', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('text') visibility!: NoteVisibility;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('integer', { name: 'size_bytes' }) sizeBytes!: number;
  @Column('text') sha256!: string;
  /** Not selected by default: listings carry metadata only. */
  @Column('bytea', { select: false }) content!: Buffer;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
