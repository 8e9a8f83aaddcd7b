// Shared server settings: read-or-create, so every replica ends up with the same value.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SettingEntity } from '../database/entities/setting.entity';

@Injectable()
export class SettingRepository {
  constructor(private readonly db: DataSource) {}

  /** The stored value of `key`, storing `candidate` first when there is none (the first replica wins). */
  async getOrCreate(key: string, candidate: string): Promise<string> {
    await this.db.createQueryBuilder().insert().into(SettingEntity).values({ key, value: candidate }).orIgnore().execute();
    const row = await this.db.getRepository(SettingEntity).findOneByOrFail({ key });
    return row.value;
  }
}
