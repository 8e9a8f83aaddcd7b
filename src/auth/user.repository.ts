// Queries on users.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../database/entities/user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly db: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ username });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  count(): Promise<number> {
    return this.db.getRepository(UserEntity).count();
  }

  /** Inserts unless the username exists; true when this call created it (safe when replicas race). */
  async insertIfAbsent(em: EntityManager | null, user: UserEntity): Promise<boolean> {
    const result = await (em ?? this.db.manager).createQueryBuilder().insert().into(UserEntity).values(user).orIgnore().returning('id').execute();
    return result.raw.length > 0;
  }

  async update(em: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await em.getRepository(UserEntity).update({ id }, changes);
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.db.getRepository(UserEntity).findAndCount({ order: { username: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }
}
