// Working-time plans of BPMN timers: durations, cycles, dates, months (wall clock), re-plans and calendar fingerprints.
import { createBusinessCalendar } from '../sla/business-calendar';
import { calendarVersion, planTimer, replanTimer } from './timer-plan.util';

const desk = createBusinessCalendar({ id: 'desk', name: 'desk', holidays: ['2026-04-06'] }); // Mon–Fri 09–18 Shanghai
const at = (local: string) => new Date(`${local}:00+08:00`);
const plan = (timerType: string, expression: string, now: Date, wallDue = now) => planTimer({ timerType, expression, wallDue, now, calendar: desk });

describe('planTimer', () => {
  it('counts a duration in working time from now', () => {
    expect(plan('timeDuration', 'PT2H', at('2026-04-03T17:00'))).toEqual({ dueAt: at('2026-04-07T10:00'), workMs: 2 * 3_600_000, workFrom: at('2026-04-03T17:00') });
  });

  it('counts the duration of a cycle without a start in working time', () => {
    expect(plan('timeCycle', 'R3/PT1H', at('2026-04-03T17:30'))?.dueAt).toEqual(at('2026-04-07T09:30'));
  });

  it('moves a date (or an anchored cycle occurrence) to the next working moment', () => {
    expect(plan('timeDate', '2026-04-06T10:00:00+08:00', at('2026-04-01T10:00'), at('2026-04-06T10:00'))).toEqual({ dueAt: at('2026-04-07T09:00'), workMs: null, workFrom: null });
    expect(plan('timeDate', '2026-04-07T11:00:00+08:00', at('2026-04-01T10:00'), at('2026-04-07T11:00'))?.dueAt).toEqual(at('2026-04-07T11:00'));
  });

  it('leaves a month or year duration on the wall clock (no fixed working length)', () => {
    expect(plan('timeDuration', 'P1M', at('2026-04-01T10:00'))).toBeNull();
  });
});

describe('replanTimer and calendarVersion', () => {
  it('counts the same working time again on an edited calendar', () => {
    const edited = createBusinessCalendar({ id: 'desk', name: 'desk', holidays: ['2026-04-06', '2026-04-07'] });
    expect(calendarVersion(edited)).not.toBe(calendarVersion(desk));
    expect(calendarVersion(createBusinessCalendar({ id: 'desk', name: 'renamed', holidays: ['2026-04-06'] }))).toBe(calendarVersion(desk));
    const due = replanTimer({ timerType: 'timeDuration', expression: 'PT2H', workFrom: at('2026-04-03T17:00'), workMs: 2 * 3_600_000, dueAt: at('2026-04-07T10:00'), calendar: edited });
    expect(due).toEqual(at('2026-04-08T10:00'));
  });
});
