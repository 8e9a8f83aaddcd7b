// `npm run citus:plan`: migrates the database (DATABASE_URL, or the embedded one) and prints the statements that lay it
// out on Citus (src/database/citus-plan.ts), for a deployment outgrowing one primary (README "Ready to shard").
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { citusStatements } from './citus-plan';
import { dataSourceOptions } from './data-source-options';
import { resolveDatabase } from './resolve-database';
import { readSchema } from './schema-introspection';

async function main(): Promise<void> {
  const { url, embedded } = await resolveDatabase(loadConfig());
  const ds = new DataSource(dataSourceOptions(url, 1));
  try {
    await ds.initialize();
    const schema = await readSchema((sql) => ds.query(sql));
    process.stdout.write(`-- Citus layout of ${schema.tables.size} tables (run on the coordinator after CREATE EXTENSION citus and citus_add_node)\n`);
    process.stdout.write(`${citusStatements(schema).join('\n')}\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
