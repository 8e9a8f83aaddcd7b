// Queries on a request's comments and attachments (metadata lists; content only when one attachment is read).
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestAttachmentEntity, RequestCommentEntity } from '../database/entities/request-note.entity';

@Injectable()
export class RequestNotesRepository {
  constructor(private readonly db: DataSource) {}

  comments(instanceId: string): Promise<RequestCommentEntity[]> {
    return this.db.getRepository(RequestCommentEntity).find({ where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What the customer may read on their status page: the comments staff marked customer-visible, oldest first. */
  customerComments(instanceId: string): Promise<RequestCommentEntity[]> {
    return this.db.getRepository(RequestCommentEntity).find({ where: { instanceId, visibility: 'customer' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  attachments(instanceId: string): Promise<RequestAttachmentEntity[]> {
    return this.db.getRepository(RequestAttachmentEntity).find({ where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One attachment with its bytes. */
  attachmentWithContent(instanceId: string, id: string): Promise<RequestAttachmentEntity | null> {
    return this.db.getRepository(RequestAttachmentEntity).createQueryBuilder('a').addSelect('a.content').where('a.id = :id AND a.instance_id = :instanceId', { id, instanceId }).getOne();
  }

  async addComment(em: EntityManager, comment: RequestCommentEntity): Promise<void> {
    await em.getRepository(RequestCommentEntity).insert(comment);
  }

  async addAttachment(em: EntityManager, attachment: RequestAttachmentEntity): Promise<void> {
    await em.getRepository(RequestAttachmentEntity).insert(attachment);
  }
}
