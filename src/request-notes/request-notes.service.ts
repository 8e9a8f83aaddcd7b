// Comments and attachments on a request: anyone who may view the instance reads them; each addition is recorded in
// the instance history and the audit log in the same transaction as the row.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { newRowId } from '../common/row-id';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceRepository } from '../instances/instance.repository';
import { AddAttachmentDto, AddCommentDto, mapAttachment, mapComment } from './dto/request-notes.dto';
import { ACCEPTED_TYPES, fileKindOf, MAX_ATTACHMENT_BYTES } from './file-kind.util';
import { RequestNotesRepository } from './request-notes.repository';

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
}

@Injectable()
export class RequestNotesService {
  constructor(
    private readonly db: DataSource,
    private readonly notes: RequestNotesRepository,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(instanceId: string) {
    await this.requireInstance(instanceId);
    const [comments, attachments] = await Promise.all([this.notes.comments(instanceId), this.notes.attachments(instanceId)]);
    return { comments: comments.map(mapComment), attachments: attachments.map(mapAttachment) };
  }

  addComment(instanceId: string, dto: AddCommentDto, principal?: Principal) {
    const comment = { id: newRowId(), instanceId, author: actorName(principal), visibility: dto.visibility ?? 'internal', body: dto.body, createdAt: this.clock.now() };
    return this.record(instanceId, principal, 'comment.added', { commentId: comment.id, visibility: comment.visibility }, async (em) => {
      await this.notes.addComment(em, comment);
      return mapComment(comment);
    });
  }

  addAttachment(instanceId: string, dto: AddAttachmentDto, file: UploadedFile | undefined, principal?: Principal) {
    if (!file?.buffer?.length) throw new DomainError(ErrorCode.Invalid, 'file: send the file as the multipart part "file"', [{ field: 'file', message: 'required' }]);
    if (file.buffer.length > MAX_ATTACHMENT_BYTES) throw new DomainError(ErrorCode.TooLarge, `file: at most ${MAX_ATTACHMENT_BYTES} bytes`);
    const kind = fileKindOf(file.buffer);
    if (!kind) throw new DomainError(ErrorCode.Invalid, `file: its content is none of ${ACCEPTED_TYPES.join(', ')} (checked by its first bytes, not its name)`, [{ field: 'file', message: 'unsupported type' }]);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const fileName = safeName(file.originalname, kind.extension);
    const row = { id: newRowId(), instanceId, uploadedBy: actorName(principal), visibility: dto.visibility ?? 'internal', fileName, contentType: kind.contentType, sizeBytes: file.buffer.length, sha256, content: file.buffer, createdAt: this.clock.now() };
    return this.record(instanceId, principal, 'attachment.added', { attachmentId: row.id, fileName, contentType: kind.contentType, sizeBytes: row.sizeBytes, sha256, visibility: row.visibility }, async (em) => {
      await this.notes.addAttachment(em, row);
      return mapAttachment(row);
    });
  }

  async content(instanceId: string, id: string) {
    const found = await this.notes.attachmentWithContent(instanceId, id);
    if (!found) throw DomainError.notFound('Attachment', id);
    return found;
  }

  private async record<T>(instanceId: string, principal: Principal | undefined, type: string, detail: Record<string, unknown>, write: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (em) => {
      // The instance lock orders this with the instance's commands, so history stays in commit order.
      if (!(await this.instances.lock(em, instanceId))) throw DomainError.notFound('Process instance', instanceId);
      const result = await write(em);
      const actor = actorOf(principal);
      await this.history.append(em, instanceId, [{ at: this.clock.now(), type, activityId: null, detail: { ...detail, by: actor } }]);
      await this.audit.record(em, { actor, action: type, targetType: 'process-instance', targetId: instanceId, detail });
      return result;
    });
  }

  private async requireInstance(instanceId: string): Promise<void> {
    if (!(await this.instances.findById(instanceId))) throw DomainError.notFound('Process instance', instanceId);
  }
}

function actorName(principal?: Principal): string {
  return principal?.kind === 'user' ? principal.name : actorOf(principal);
}

/** The name shown and offered on download: no path, no control characters, the extension of what it really is. */
function safeName(original: string | undefined, extension: string): string {
  const base = (original ?? 'attachment').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"<>|:*?]/g, '').slice(0, 150) || 'attachment';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${extension}`;
}
