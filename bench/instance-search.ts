// Instance search on a parked backlog (issue 19): seeds N active service requests (default 100,000) with realistic
// business variables, then times each search (median of 5 through the repository) and prints EXPLAIN ANALYZE's
// execution time and plan summary. Run: DATABASE_URL=postgres://… npm run bench:instances [-- 100000]
// (the database must exist; migrations run on start; `-- 0` seeds nothing and measures the instances already there).
import { DataSource } from 'typeorm';
import { median, startQueryBenchApp } from './lib/query-bench';
import { InstanceSearchRepository, type InstanceSearch } from '../src/instances/instance-search.repository';
import { seedTaskBacklog } from '../test/support/task-seed';

const page = (extra: Partial<InstanceSearch>): InstanceSearch => ({ limit: 50, offset: 0, ...extra });

function cases(): { name: string; query: InstanceSearch }[] {
  return [
    { name: 'customer "wang wei" (1 in 64 match)', query: page({ fields: { customer: 'wang wei' } }) },
    { name: 'phone digits "30167999"', query: page({ fields: { phone: '30167999' } }) },
    { name: 'serial "SN000054321"', query: page({ fields: { serial: 'SN000054321' } }) },
    { name: 'device "fridge" (1 in 4 match)', query: page({ fields: { device: 'fridge' } }) },
    { name: 'variable region:Pudong (1 in 5)', query: page({ variables: [['region', 'Pudong']] }) },
    { name: 'variable serialNumber:SN000054321', query: page({ variables: [['serialNumber', 'SN000054321']] }) },
    { name: 'customer "li fang" + variable region:Xuhui', query: page({ fields: { customer: 'li fang' }, variables: [['region', 'Xuhui']] }) },
    { name: 'active, no search (newest first)', query: page({ status: 'active' }) },
  ];
}

async function explain(db: DataSource, [sql, params]: [string, unknown[]]): Promise<{ ms: number; plan: string }> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
  // The scans say whether an index answered (Bitmap Index Scan on instances_search_* / instances_variables).
  const plan = lines.filter((l) => /Scan/.test(l)).slice(0, 3).map((l) => l.trim().replace(/^->\s*/, '').replace(/\s+\(cost.*$/, '')).join(' / ');
  return { ms, plan };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const { app, databaseUrl } = await startQueryBenchApp('instance-bench-password-1');
  const db = app.get(DataSource);
  const repo = app.get(InstanceSearchRepository);
  const t0 = performance.now();
  const seeded = count > 0 ? await seedTaskBacklog(databaseUrl, { count, prefix: `I${Date.now().toString(36)}` }) : 0;
  console.log(`seeded ${seeded} parked instances in ${((performance.now() - t0) / 1000).toFixed(1)} s; instances now ${(await db.query('SELECT count(*)::int AS n FROM process_instances'))[0].n}`);
  console.log('| search | rows / total | list()+count wall, median of 5 | page EXPLAIN ANALYZE | count EXPLAIN ANALYZE | page plan |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, query } of cases()) {
    const result = await repo.list(query);
    const wall = await median(() => repo.list(query));
    const q = repo.query(query).select('i.id').orderBy('i.startedAt', 'DESC').addOrderBy('i.id', 'ASC').limit(query.limit).offset(query.offset);
    const pageExplain = await explain(db, q.getQueryAndParameters());
    const countExplain = await explain(db, repo.query(query).select('COUNT(*)').getQueryAndParameters());
    console.log(`| ${name} | ${result.items.length} / ${result.total} | ${wall.toFixed(1)} ms | ${pageExplain.ms.toFixed(1)} ms | ${countExplain.ms.toFixed(1)} ms | ${pageExplain.plan} |`);
  }
  await app.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
