// Loads the demo: the demo staff, then weeks of simulated work on a virtual clock ending now, recorded for removal.
import type { INestApplicationContext } from '@nestjs/common';
import type { Principal, UserRole } from '../auth/principal';
import { UsersService } from '../auth/users.service';
import { FakeClock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { DefinitionsService } from '../definitions/definitions.service';
import { TechniciansService } from '../dispatch/technicians.service';
import { DemoSimulator, type SimulationResult } from './demo-simulator';
import { DEMO_PASSWORD_SUFFIX, DEMO_STAFF } from './demo-staff';
import { DemoRepository } from './demo.repository';

const DAY = 86_400_000;

export interface DemoOptions {
  /** Days of history, ending at `to`. */
  days: number;
  /** Service requests on an average weekday. */
  perDay: number;
  seed: number;
  /**
   * A smaller desk under pressure: people per role (e.g. { agent: 2, technician: 3 }; roles not named keep the demo's
   * full staff), each working on one task at a time while the others wait. Absent: the full staff, and no task ever
   * waits for a colleague.
   */
  staff?: Record<string, number>;
  /** The end of the simulated period (the real time now, for `npm run demo`). */
  to: Date;
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_DEMO: Omit<DemoOptions, 'to'> = { days: 14, perDay: 10, seed: 2026 };

export interface DemoSummary extends SimulationResult {
  from: string;
  to: string;
  instances: number;
  users: number;
  secondVersion: number | null;
}

/** `clock` must be the application's own (virtual) clock: the loader moves it from `to − days` to `to`. */
export async function loadDemo(app: INestApplicationContext, clock: FakeClock, options: DemoOptions): Promise<DemoSummary> {
  const repo = app.get(DemoRepository);
  if ((await repo.countInstances()) > 0) {
    throw new DomainError(ErrorCode.Conflict, 'demo data goes into an empty product only: this database already has process instances (remove the demo with `npm run demo -- --remove`, or use a fresh DATA_DIR / DATABASE_URL)');
  }
  for (const [role, n] of Object.entries(options.staff ?? {})) {
    if (!DEMO_STAFF.some((p) => p.role === role) || !Number.isInteger(n) || n < 1) throw new DomainError(ErrorCode.Invalid, `staff: ${role}=${n} — name a demo role (${[...new Set(DEMO_STAFF.map((p) => p.role))].join(', ')}) and at least 1 person`);
  }
  const from = new Date(options.to.getTime() - options.days * DAY);
  clock.set(from);
  const staff = await createStaff(app, repo, from, options.staff);
  let secondVersion: { id: string; version: number } | null = null;
  let ids: string[] = [];
  let result: SimulationResult;
  try {
    result = await new DemoSimulator(app, clock, staff, {
      from, to: options.to, perDay: options.perDay, complaintShare: 0.15, seed: options.seed,
      switchAt: from.getTime() + Math.floor(options.days / 2) * DAY,
      staff: options.staff ? Object.fromEntries([...staff].map(([role, people]) => [role, people.length])) : null,
      onSwitch: async () => void (secondVersion = await deploySecondVersion(app)),
      onProgress: options.onProgress,
    }).run();
  } finally {
    // Recorded even when the run fails half-way, so `--remove` still takes away what it made (the database was empty).
    ids = await repo.instanceIds();
    await repo.record('instance', ids, clock.now());
    if (secondVersion) await repo.record('definition', [(secondVersion as { id: string }).id], clock.now());
  }
  const summary: DemoSummary = { ...result, from: from.toISOString(), to: options.to.toISOString(), instances: ids.length, users: [...staff.values()].reduce((n, people) => n + people.length, 0), secondVersion: (secondVersion as { version: number } | null)?.version ?? null };
  await repo.record('run', [options.to.toISOString()], clock.now(), { ...summary, errors: result.errors.length, commandMs: Math.round(result.commandMs), loopMs: Math.round(result.loopMs) });
  return summary;
}

async function createStaff(app: INestApplicationContext, repo: DemoRepository, now: Date, limit?: Record<string, number>): Promise<Map<string, Principal[]>> {
  const staff = new Map<string, Principal[]>();
  // The first N demo people of a limited role work; the others are not created.
  const people = DEMO_STAFF.filter((p) => limit?.[p.role] === undefined || DEMO_STAFF.filter((q) => q.role === p.role).indexOf(p) < limit[p.role]);
  for (const p of people) {
    const user = await app.get(UsersService).create(undefined, { username: p.username, displayName: p.displayName, password: `${p.username}${DEMO_PASSWORD_SUFFIX}`, roles: [p.role] });
    await repo.record('user', [user.id], now);
    if (p.technician) await app.get(TechniciansService).put(p.username, { ...p.technician, calendar: 'service-desk' });
    const principal: Principal = { kind: 'user', id: user.id, name: p.username, roles: [p.role as UserRole] };
    staff.set(p.role, [...(staff.get(p.role) ?? []), principal]);
  }
  return staff;
}

/** The "remote-first pilot": the same diagram under another name, so the KPIs can be compared by version. */
async function deploySecondVersion(app: INestApplicationContext): Promise<{ id: string; version: number }> {
  const definitions = app.get(DefinitionsService);
  const xml = await definitions.xml('service-request');
  const pilot = xml.replace(/(<bpmn:process id="service-request" name=")([^"]*)"/, '$1$2 – remote-first pilot"');
  const deployed = await definitions.deploy(pilot, 'demo');
  return { id: deployed.id, version: deployed.version };
}
