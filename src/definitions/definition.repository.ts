// Queries on deployed definition versions.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DefinitionEntity } from '../database/entities';

@Injectable()
export class DefinitionRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<DefinitionEntity | null> {
    return this.db.getRepository(DefinitionEntity).findOneBy({ id });
  }

  findVersion(key: string, version?: number): Promise<DefinitionEntity | null> {
    if (version !== undefined) return this.db.getRepository(DefinitionEntity).findOneBy({ key, version });
    return this.db.getRepository(DefinitionEntity).findOne({ where: { key }, order: { version: 'DESC' } });
  }

  listVersions(key: string): Promise<DefinitionEntity[]> {
    return this.db.getRepository(DefinitionEntity).find({ where: { key }, order: { version: 'DESC' }, select: summaryColumns });
  }

  /** The latest version of every key. */
  listLatest(): Promise<DefinitionEntity[]> {
    return this.db
      .getRepository(DefinitionEntity)
      .createQueryBuilder('d')
      .select(summaryColumns.map((c) => `d.${c}`))
      .distinctOn(['d.key'])
      .orderBy('d.key')
      .addOrderBy('d.version', 'DESC')
      .getMany();
  }

  /** Serialises deploys of one key across replicas for the rest of the transaction. */
  async lockKey(em: EntityManager, key: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`definition:${key}`]);
  }

  latestIn(em: EntityManager, key: string): Promise<DefinitionEntity | null> {
    return em.getRepository(DefinitionEntity).findOne({ where: { key }, order: { version: 'DESC' } });
  }

  insert(em: EntityManager, definition: DefinitionEntity): Promise<DefinitionEntity> {
    return em.getRepository(DefinitionEntity).save(definition);
  }
}

const summaryColumns: (keyof DefinitionEntity)[] = ['id', 'key', 'version', 'name', 'checksum', 'deployedAt'];
