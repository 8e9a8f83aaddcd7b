// TypeORM options shared by the app and the migration CLI.
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { multiHostClientClass } from './multi-host-client';
import { parseMultiHostUrl } from './multi-host-url.util';

/** `url` may list several servers (postgres://h1:p1,h2:p2/db?target_session_attrs=read-write): see multi-host-client. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  const Client = multiHostClientClass(url);
  return {
    type: 'postgres',
    url: Client ? parseMultiHostUrl(url).url : url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false, // failures surface through the exception filter and pino; TypeORM would print parameters (customer data)
    extra: { max: poolSize, ...(Client ? { Client } : {}) },
  };
}
