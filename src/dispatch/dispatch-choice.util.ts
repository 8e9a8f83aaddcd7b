// Chooses a technician for a request: right skill and region, room under capacity, on duty (required for P1),
// then the lightest load. Pure: the caller brings the roster and the clock; the result says why.
import { isWorkingTime } from '../sla/business-time.util';
import type { BusinessCalendar } from '../sla/business-calendar';

export interface RosterEntry {
  username: string;
  skills: string[];
  regions: string[];
  calendar: string;
  capacity: number;
  /** Open requests and tasks they carry now. */
  openWork: number;
}

export type Exclusion = 'skill' | 'region' | 'full' | 'offDuty' | 'unknownCalendar';

export interface DispatchChoice {
  technician: string | null;
  /** One sentence a dispatcher can read. */
  reason: string;
  considered: { username: string; openWork: number; capacity: number; onDuty: boolean; excluded?: Exclusion }[];
}

/** Priorities that need someone now: an off-duty technician is not a choice for them. */
const URGENT = new Set(['P1']);

const norm = (s: unknown) => String(s ?? '').trim().toLowerCase();

export function chooseTechnician(args: { roster: RosterEntry[]; faultType: unknown; region: unknown; priority: unknown; now: Date; calendars: ReadonlyMap<string, BusinessCalendar> }): DispatchChoice {
  const { roster, now, calendars } = args;
  const faultType = norm(args.faultType);
  const region = norm(args.region);
  const urgent = URGENT.has(String(args.priority ?? ''));
  const considered = roster.map((t) => {
    const calendar = calendars.get(t.calendar);
    const onDuty = calendar ? isWorkingTime({ at: now, calendar }) : false;
    const excluded = exclusionOf({ t, faultType, region, urgent, onDuty, known: !!calendar });
    return { username: t.username, openWork: t.openWork, capacity: t.capacity, onDuty, ...(excluded ? { excluded } : {}) };
  });
  const eligible = considered.filter((c) => !c.excluded).sort(byPreference);
  const chosen = eligible[0];
  const wanted = `${faultType || 'any'} fault in ${region || 'any region'}${urgent ? ' (urgent: on duty now)' : ''}`;
  if (!chosen) return { technician: null, reason: `no technician available for a ${wanted}: ${summary(considered)}`, considered };
  const duty = chosen.onDuty ? 'on duty' : 'off duty now (next working time)';
  return { technician: chosen.username, reason: `${chosen.username} for a ${wanted}: ${chosen.openWork}/${chosen.capacity} open, ${duty}; ${eligible.length} eligible of ${roster.length}`, considered };
}

function exclusionOf(a: { t: RosterEntry; faultType: string; region: string; urgent: boolean; onDuty: boolean; known: boolean }): Exclusion | undefined {
  if (!a.t.skills.map(norm).includes(a.faultType)) return 'skill';
  if (!a.t.regions.map(norm).includes(a.region)) return 'region';
  if (a.t.openWork >= a.t.capacity) return 'full';
  if (!a.known) return 'unknownCalendar';
  if (a.urgent && !a.onDuty) return 'offDuty';
  return undefined;
}

// On duty first, then the smallest share of capacity in use, then the fewest open items, then by name (stable).
function byPreference(a: DispatchChoice['considered'][number], b: DispatchChoice['considered'][number]): number {
  if (a.onDuty !== b.onDuty) return a.onDuty ? -1 : 1;
  const share = a.openWork / a.capacity - b.openWork / b.capacity;
  if (share !== 0) return share;
  return a.openWork - b.openWork || a.username.localeCompare(b.username);
}

function summary(considered: DispatchChoice['considered']): string {
  if (!considered.length) return 'the roster is empty';
  const counts = new Map<string, number>();
  for (const c of considered) counts.set(c.excluded ?? 'eligible', (counts.get(c.excluded ?? 'eligible') ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
}
