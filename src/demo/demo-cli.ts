// `npm run demo`: fills the product with weeks of simulated service-desk history; `npm run demo -- --remove` takes it away.
// Options: --days N (14), --per-day N service requests a weekday (10), --seed N (2026), --staff agent=2,technician=3
// (a smaller desk under pressure: each person works one task at a time and tasks wait for a free one).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config';
import { EmbeddedPostgres } from '../database/embedded-postgres';
import { resolveDatabase } from '../database/resolve-database';
import { runDemoLoad, runDemoRemove } from './demo-app';
import { DEFAULT_DEMO } from './demo-loader';
import { DEMO_PASSWORD_SUFFIX, DEMO_STAFF } from './demo-staff';

const out = (line: string) => void process.stdout.write(`${line}\n`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 400) throw new Error(`--${name} must be a whole number from 1 to 400 (got "${value}")`);
  return n;
}

/** `agent=2,technician=3` → { agent: 2, technician: 3 }. */
function staffOf(value: string): Record<string, number> {
  const entries = value.split(',').map((part) => part.trim().split('='));
  if (entries.some((e) => e.length !== 2 || !/^[a-z]+$/.test(e[0]) || !/^[1-9][0-9]?$/.test(e[1]))) throw new Error(`--staff takes role=people pairs, e.g. agent=2,technician=3 (got "${value}")`);
  return Object.fromEntries(entries.map(([role, n]) => [role, Number(n)]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { remove: { type: 'boolean' }, days: { type: 'string' }, 'per-day': { type: 'string' }, seed: { type: 'string' }, staff: { type: 'string' } } });
  const config = loadConfig();
  // A cluster the running server uses stays running afterwards.
  const wasRunning = !config.DATABASE_URL && (await new EmbeddedPostgres({ dataDir: resolve(config.DATA_DIR, 'pg'), port: config.EMBEDDED_PG_PORT }).isRunning());
  const { url, embedded } = await resolveDatabase(config);
  try {
    if (values.remove) {
      const removed = await runDemoRemove(config, url);
      out(`Demo data removed: ${removed.instances} process instances, ${removed.users} users, ${removed.definitions} process version(s).`);
      return;
    }
    const days = positive('days', values.days, DEFAULT_DEMO.days);
    const perDay = positive('per-day', values['per-day'], DEFAULT_DEMO.perDay);
    const seed = positive('seed', values.seed, DEFAULT_DEMO.seed);
    const staff = values.staff === undefined ? undefined : staffOf(values.staff);
    out(`Simulating ${days} days of a service desk (${perDay} requests a weekday) through the real processes …`);
    let shown = -1;
    const started = Date.now();
    const summary = await runDemoLoad(config, url, { days, perDay, seed, staff, onProgress: (f) => {
      const pct = Math.floor(f * 10) * 10;
      if (pct > shown) out(`  ${(shown = pct)} %`);
    } });
    out(`Done in ${Math.round((Date.now() - started) / 1000)} s: ${summary!.instances} process instances (${summary!.started} requests and complaints), ${summary!.completedTasks} tasks, ${summary!.surveysAnswered} survey answers, ${summary!.timersFired} timers fired, version ${summary!.secondVersion ?? '-'} of service-request deployed mid-way (${Math.round(summary!.commandMs / 1000)} s in commands, ${Math.round(summary!.loopMs / 1000)} s in the loop's reads and relays).`);
    if (summary!.errors.length) out(`Unexpected failures (${summary!.errors.length}):\n  ${summary!.errors.slice(0, 10).join('\n  ')}`);
    out(`Demo users (password = username + "${DEMO_PASSWORD_SUFFIX}"): ${DEMO_STAFF.map((p) => `${p.username} (${p.role})`).join(', ')}`);
    out('Remove it with: npm run demo -- --remove');
  } finally {
    if (embedded && !wasRunning) await embedded.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`npm run demo failed: ${err.message}\n`);
  process.exit(1);
});
