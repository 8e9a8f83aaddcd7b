// A seeded, reproducible data set for KPI tests: service requests (two versions), complaints, their tasks,
// escalations and answered surveys, written as raw rows; and an independent reading of the KPIs from those rows.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CHANNELS = ['phone', 'web', 'app', 'wechat', 'email', 'chat'];
const REGIONS = ['Shanghai', 'Beijing', 'Shenzhen'];

/** mulberry32: a tiny deterministic generator, so every run seeds the same rows. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Definitions { sr1: string; sr2: string; complaint: string; survey: string }

/** Writes the data set; `now` is the fake clock's time (nothing happens after it). */
export async function seedKpiData(db: DataSource, defs: Definitions, now: Date): Promise<void> {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const start0 = new Date('2040-04-20T00:00:00Z').getTime();
  const past = (t: number) => t < now.getTime();
  for (let i = 0; i < 90; i++) {
    const isSr = i < 66;
    const version = isSr && i % 3 === 0 ? 2 : 1;
    const id = randomUUID();
    const started = start0 + Math.floor(r() * (now.getTime() - start0 - MIN));
    const vars: Record<string, unknown> = { channel: pick(CHANNELS), region: pick(REGIONS), customerName: `C${i}`, customerContact: `c${i}` };
    if (isSr) vars.priority = pick(['P1', 'P2', 'P3', 'P4']);
    else vars.urgent = r() < 0.4;
    const understood = r();
    if (isSr && understood < 0.9) vars.requirementUnderstood = understood < 0.82;
    const tasks: [string, number, number | null][] = []; // activity, created, ended (null = open)
    const responded = r() < 0.9 ? started + Math.floor(r() * 100 * MIN) : null;
    tasks.push([isSr ? 'Task_RecordRequest' : 'Task_RegisterComplaint', started, responded !== null && past(responded) ? responded : null]);
    let endedAt: number | null = null;
    let status = 'active';
    let resolvedAt: number | null = null;
    if (responded !== null && isSr && r() < 0.8) {
      const last = started + 3 * DAY + Math.floor(r() * 7 * DAY);
      const settlements = r() < 0.2 ? 2 : 1;
      const diagnoses = Math.floor(r() * 3);
      for (let d = 0; d < diagnoses; d++) tasks.push(['Task_Diagnose', started + (12 + d) * HOUR, started + (13 + d) * HOUR]);
      if (past(last)) {
        if (settlements === 2) tasks.push(['Task_Settlement', last - 2 * DAY, last - 2 * DAY + HOUR]);
        tasks.push(['Task_Settlement', last, past(last + HOUR) ? last + HOUR : null]);
        resolvedAt = last;
        if (past(last + DAY)) [status, endedAt] = ['completed', last + DAY];
      }
    } else if (responded !== null && !isSr && r() < 0.85) {
      const handled = started + 20 * MIN + Math.floor(r() * 30 * HOUR);
      if (past(handled)) {
        tasks.push([pick(['Task_HandleL1', 'Task_HandleL2', 'Task_HandleL3']), started + 10 * MIN, handled]);
        resolvedAt = handled;
        if (past(handled + 2 * HOUR)) [status, endedAt] = ['completed', handled + 2 * HOUR];
      }
    }
    const escalated = !isSr && r() < 0.45 && past(started + HOUR);
    if (status === 'active' && r() < 0.08 && past(started + 2 * DAY)) [status, endedAt] = ['cancelled', started + 2 * DAY];
    await insertInstance(db, { id, definitionId: isSr ? (version === 2 ? defs.sr2 : defs.sr1) : defs.complaint, key: isSr ? 'service-request' : 'complaint-escalation', version, status, vars, started, endedAt });
    for (const [n, [activity, created, ended]] of tasks.entries()) {
      await db.query(`INSERT INTO tasks (id, instance_id, activity_id, execution_id, name, status, created_at, ended_at) VALUES ($1, $2, $3, $4, $3, $5, $6, $7)`,
        [randomUUID(), id, activity, `e${n}`, ended === null ? 'open' : 'completed', new Date(created), ended === null ? null : new Date(ended)]);
    }
    if (escalated) await seedEscalations(db, r, id, started, past);
    if (resolvedAt !== null && r() < 0.75) await seedSurvey(db, r, defs, { id, key: isSr ? 'service-request' : 'complaint-escalation', version, vars }, resolvedAt + DAY + Math.floor(r() * 2 * DAY), past);
  }
}

async function seedEscalations(db: DataSource, r: () => number, id: string, started: number, past: (t: number) => boolean) {
  await db.query(`INSERT INTO escalations (id, instance_id, level, cycle, role, status, created_at) VALUES ($1, $2, 2, 1, 'supervisor', 'open', $3)`, [randomUUID(), id, new Date(started + HOUR)]);
  if (r() < 0.5 && past(started + 3 * HOUR)) await db.query(`INSERT INTO escalations (id, instance_id, level, cycle, role, status, created_at) VALUES ($1, $2, 3, 1, 'manager', 'open', $3)`, [randomUUID(), id, new Date(started + 3 * HOUR)]);
}

async function seedSurvey(db: DataSource, r: () => number, defs: Definitions, src: { id: string; key: string; version: number; vars: Record<string, any> }, answered: number, past: (t: number) => boolean) {
  const overall = 1 + Math.floor(r() * 5);
  const nps = Math.floor(r() * 11);
  if (!past(answered)) return;
  const id = randomUUID();
  await insertInstance(db, { id, definitionId: defs.survey, key: 'satisfaction-survey', version: 1, status: 'completed', vars: {}, started: answered - DAY, endedAt: answered });
  const priority = src.vars.priority ?? (src.vars.urgent ? 'urgent' : null);
  await db.query(
    `INSERT INTO surveys (id, instance_id, resolution_key, source_instance_id, source_definition_key, source_definition_version, channel, priority, region, status, answered_at, overall, nps, created_at)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, 'answered', $9, $10, $11, $9)`,
    [id, `${src.id}#1`, src.id, src.key, src.version, src.vars.channel, priority, src.vars.region, new Date(answered), overall, nps],
  );
}

async function insertInstance(db: DataSource, i: { id: string; definitionId: string; key: string; version: number; status: string; vars: object; started: number; endedAt: number | null }) {
  await db.query(
    `INSERT INTO process_instances (id, definition_id, definition_key, definition_version, status, variables, started_at, updated_at, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
    [i.id, i.definitionId, i.key, i.version, i.status, JSON.stringify(i.vars), new Date(i.started), i.endedAt === null ? null : new Date(i.endedAt)],
  );
}
