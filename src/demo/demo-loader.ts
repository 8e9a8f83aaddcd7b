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
  const from = new Date(options.to.getTime() - options.days * DAY);
  clock.set(from);
  const staff = await createStaff(app, repo, from);
  let secondVersion: { id: string; version: number } | null = null;
  let ids: string[] = [];
  let result: SimulationResult;
  try {
    result = await new DemoSimulator(app, clock, staff, {
      from, to: options.to, perDay: options.perDay, complaintShare: 0.15, seed: options.seed,
      switchAt: from.getTime() + Math.floor(options.days / 2) * DAY,
      onSwitch: async () => void (secondVersion = await deploySecondVersion(app)),
      onProgress: options.onProgress,
    }).run();
  } finally {
    // Recorded even when the run fails half-way, so `--remove` still takes away what it made (the database was empty).
    ids = await repo.instanceIds();
    await repo.record('instance', ids, clock.now());
    if (secondVersion) await repo.record('definition', [(secondVersion as { id: string }).id], clock.now());
  }
  const summary: DemoSummary = { ...result, from: from.toISOString(), to: options.to.toISOString(), instances: ids.length, users: DEMO_STAFF.length, secondVersion: (secondVersion as { version: number } | null)?.version ?? null };
  await repo.record('run', [options.to.toISOString()], clock.now(), { ...summary, errors: result.errors.length, commandMs: Math.round(result.commandMs), loopMs: Math.round(result.loopMs) });
  return summary;
}

async function createStaff(app: INestApplicationContext, repo: DemoRepository, now: Date): Promise<Map<string, Principal[]>> {
  const staff = new Map<string, Principal[]>();
  for (const p of DEMO_STAFF) {
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
