// Queries on integrator API keys.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../database/entities/api-key.entity';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly db: DataSource) {}

  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ keyHash, revokedAt: IsNull() });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  async insert(em: EntityManager, key: ApiKeyEntity): Promise<void> {
    await em.getRepository(ApiKeyEntity).insert(key);
  }

  async revoke(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.getRepository(ApiKeyEntity).update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.getRepository(ApiKeyEntity).update({ id }, { lastUsedAt: at });
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: ApiKeyEntity[]; total: number }> {
    const [items, total] = await this.db.getRepository(ApiKeyEntity).findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }
}
