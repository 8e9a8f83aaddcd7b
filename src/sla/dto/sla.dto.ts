// Answers of the SLA endpoints: policies (targets by priority) and business calendars (hours, holidays).
import type { BusinessCalendar } from '../business-calendar';
import type { SlaPolicy } from '../sla-config';

export function mapPolicy(p: SlaPolicy) {
  return { id: p.id, name: p.name, calendar: p.calendar.id, targets: p.targets, warnAt: p.warnAt };
}

export function mapCalendar(c: BusinessCalendar) {
  return { id: c.id, name: c.name, timeZone: c.timeZone, workingHours: c.workingHours, holidays: c.holidays, workdays: c.workdays ?? [] };
}
