// The tasklist's queries on a backlog (issue 17): seeds N open service-request tasks (default 100,000) with realistic
// business variables, then times each main query (median of 5 through the repository) and prints EXPLAIN ANALYZE's
// execution time and plan summary. Run: DATABASE_URL=postgres://… npm run bench:tasklist [-- 100000]
// (the database must exist; migrations run on start; `-- 0` seeds nothing and measures the backlog already there).
import { DataSource } from 'typeorm';
import { median, startQueryBenchApp } from './lib/query-bench';
import { TaskListRepository, type TaskListQuery } from '../src/tasks/task-list.repository';
import { seedTaskBacklog } from '../test/support/task-seed';

const AGENT = { roles: ['agent'], assignee: 'bench.agent' };
const page = (extra: Partial<TaskListQuery>): TaskListQuery => ({ status: 'open', visibleTo: AGENT, limit: 50, offset: 0, ...extra });

function cases(): { name: string; query: TaskListQuery }[] {
  return [
    { name: "agent's role view, SLA due first (default)", query: page({ candidateRole: 'agent' }) },
    { name: 'search a phone number ("30167999")', query: page({ search: '30167999' }) },
    { name: 'search a serial number', query: page({ search: 'SN000054321' }) },
    { name: 'search a customer name (many matches)', query: page({ search: 'wang wei' }) },
    { name: 'search a region + device (two words)', query: page({ search: 'pudong fridge' }) },
    { name: 'newest first', query: page({ sortBy: 'created', sortOrder: 'desc' }) },
    { name: 'page 100 (offset 4,950)', query: page({ offset: 4950 }) },
    { name: 'follow-up due', query: page({ followUp: 'due' }) },
    { name: 'assigned to me', query: page({ assignee: 'bench.agent' }) },
  ];
}

async function explain(db: DataSource, [sql, params]: [string, unknown[]]): Promise<{ ms: number; plan: string }> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
  const plan = lines.filter((l) => /Scan|Sort|Limit/.test(l)).slice(0, 3).map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' / ');
  return { ms, plan };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const { app, databaseUrl } = await startQueryBenchApp('tasklist-bench-password-1');
  const db = app.get(DataSource);
  const repo = app.get(TaskListRepository);
  const t0 = performance.now();
  const seeded = count > 0 ? await seedTaskBacklog(databaseUrl, { count, prefix: `B${Date.now().toString(36)}` }) : 0;
  console.log(`seeded ${seeded} open tasks in ${((performance.now() - t0) / 1000).toFixed(1)} s; open tasks now ${(await db.query(`SELECT count(*)::int AS n FROM tasks WHERE status = 'open'`))[0].n}`);
  console.log('| query | rows / total | list()+count wall, median of 5 | page EXPLAIN ANALYZE | count EXPLAIN ANALYZE | page plan |');
  console.log('|---|---|---|---|---|---|');
  const now = new Date();
  for (const { name, query } of cases()) {
    const result = await repo.list(query, now);
    const wall = await median(() => repo.list(query, now));
    const pageExplain = await explain(db, repo.page(query, now).getQueryAndParameters());
    const countExplain = await explain(db, repo.countQuery(query, now).select('COUNT(*)').getQueryAndParameters());
    console.log(`| ${name} | ${result.items.length} / ${result.total} | ${wall.toFixed(1)} ms | ${pageExplain.ms.toFixed(1)} ms | ${countExplain.ms.toFixed(1)} ms | ${pageExplain.plan} |`);
  }
  await app.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
