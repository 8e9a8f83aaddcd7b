// SLA policies and business calendars from processes/sla.json (and the ICS holiday files it names), validated at boot.
import { Injectable } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { createBusinessCalendar, ROUND_THE_CLOCK, validateBusinessCalendar, type BusinessCalendar } from './business-calendar';
import { parseIcsHolidays } from './ics-holidays.util';
import { parseDurationMs } from './sla-target.util';

export interface SlaPolicy {
  id: string;
  name: string;
  /** The name in other languages ("names": {"zh-CN": …} in sla.json). */
  names: Record<string, string>;
  calendar: BusinessCalendar;
  /** ISO durations by priority (P1…), 'urgent' (variable urgent = true), and 'default'. */
  targets: Record<string, string>;
  warnAt: number[];
}

interface RawCalendar {
  name?: string;
  timeZone?: string;
  workingHours?: BusinessCalendar['workingHours'];
  holidays?: string[];
  workdays?: string[];
  holidaysFile?: string;
}

@Injectable()
export class SlaConfig {
  readonly calendars = new Map<string, BusinessCalendar>([['24x7', ROUND_THE_CLOCK]]);
  readonly policies = new Map<string, SlaPolicy>();

  constructor(config: AppConfig) {
    const file = join(config.PROCESSES_DIR, 'sla.json');
    if (!existsSync(file)) return;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { calendars?: Record<string, RawCalendar>; policies?: Record<string, { name?: string; names?: Record<string, string>; calendar?: string; targets?: Record<string, string>; warnAt?: number[] }> };
    const problems: string[] = [];
    for (const [id, c] of Object.entries(raw.calendars ?? {})) {
      const ics = c.holidaysFile ? parseIcsHolidays(readFileSync(join(config.PROCESSES_DIR, c.holidaysFile), 'utf8')) : { dates: [], workdays: [], problems: [] };
      problems.push(...ics.problems.map((p) => `calendar ${id}: ${c.holidaysFile}: ${p}`));
      const calendar = createBusinessCalendar({ id, name: c.name ?? id, timeZone: c.timeZone, workingHours: c.workingHours, holidays: [...(c.holidays ?? []), ...ics.dates], workdays: [...(c.workdays ?? []), ...ics.workdays] });
      problems.push(...validateBusinessCalendar(calendar).map((p) => `calendar ${id}: ${p}`));
      this.calendars.set(id, calendar);
    }
    for (const [id, p] of Object.entries(raw.policies ?? {})) {
      const calendar = this.calendars.get(p.calendar ?? '24x7');
      if (!calendar) problems.push(`policy ${id}: unknown calendar "${p.calendar}"`);
      const targets = p.targets ?? {};
      if (!targets.default) problems.push(`policy ${id}: needs a "default" target`);
      for (const [key, value] of Object.entries(targets)) if (parseDurationMs(value) === null) problems.push(`policy ${id}: target ${key} "${value}" is not an ISO 8601 duration`);
      this.policies.set(id, { id, name: p.name ?? id, names: p.names ?? {}, calendar: calendar ?? ROUND_THE_CLOCK, targets, warnAt: p.warnAt ?? [50, 75] });
    }
    if (problems.length) throw new Error(`Invalid ${file}:\n  ${problems.join('\n  ')}`);
  }
}
