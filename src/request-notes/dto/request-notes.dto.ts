// Request and response shapes of a request's comments and attachments, with the mappers from the entities.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { RequestAttachmentEntity, RequestCommentEntity } from '../../database/entities/request-note.entity';

const VISIBILITY = ['internal', 'customer'] as const;

export class AddCommentDto {
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) body!: string;
  @ApiPropertyOptional({ enum: VISIBILITY, default: 'internal', description: 'internal: staff only; customer: may be shown to the customer' }) @IsOptional() @IsIn(VISIBILITY) visibility?: 'internal' | 'customer';
}

/** The non-file fields of the multipart upload (the file itself is the `file` part). */
export class AddAttachmentDto {
  @ApiPropertyOptional({ enum: VISIBILITY, default: 'internal' }) @IsOptional() @IsIn(VISIBILITY) visibility?: 'internal' | 'customer';
}

export function mapComment(c: RequestCommentEntity) {
  return { id: c.id, processInstanceId: c.instanceId, author: c.author, visibility: c.visibility, body: c.body, createdAt: c.createdAt };
}

export function mapAttachment(a: RequestAttachmentEntity) {
  return { id: a.id, processInstanceId: a.instanceId, uploadedBy: a.uploadedBy, visibility: a.visibility, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt };
}
