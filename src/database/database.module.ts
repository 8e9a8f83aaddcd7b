// The PostgreSQL connection (TypeORM), migrated on boot; the URL is resolved by bootstrap (embedded or DATABASE_URL).
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrateLocked } from './migrate';

@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(url, poolSize), migrationsRun: false }),
          // Migrate before anything uses the connection, once across replicas and workers.
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options as DataSourceOptions).initialize();
            await migrateLocked(ds);
            return ds;
          },
        }),
      ],
    };
  }
}
