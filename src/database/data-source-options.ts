// TypeORM options shared by the app and the migration CLI.
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false, // failures surface through the exception filter and pino; TypeORM would print parameters (customer data)
    extra: { max: poolSize },
  };
}
