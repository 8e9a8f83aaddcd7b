// Unit specs of business-time arithmetic across DST changes in Europe/Berlin (2026-03-29 and 2026-10-25).
import { type WorkingInterval, createBusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant } from './business-time.util';

const HOUR = 3_600_000;
const office = createBusinessCalendar({ id: 'berlin', name: 'Berlin office', timeZone: 'Europe/Berlin' });
const sundays = (sun: WorkingInterval[]) =>
  createBusinessCalendar({ id: 'berlin-sun', name: 'Berlin Sundays', timeZone: 'Europe/Berlin', workingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sun } });
const allDays = [{ from: '00:00', to: '24:00' }];
const everyDay = (holidays: string[]) =>
  createBusinessCalendar({
    id: 'berlin-24',
    name: 'Berlin 24 h',
    timeZone: 'Europe/Berlin',
    workingHours: { mon: allDays, tue: allDays, wed: allDays, thu: allDays, fri: allDays, sat: allDays, sun: allDays },
    holidays,
  });

describe('business time across DST in Europe/Berlin', () => {
  it('keeps office hours at local 09:00 after the spring change (CET → CEST)', () => {
    // given: Friday 27 March 17:00 CET, 2 h to go
    const start = new Date('2026-03-27T17:00:00+01:00');
    // when
    const due = addBusinessTime({ start, durationMs: 2 * HOUR, calendar: office });
    // then: Monday 30 March 10:00 CEST
    expect(due).toEqual(new Date('2026-03-30T10:00:00+02:00'));
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(businessTimeBetween({ from: start, to: due, calendar: office })).toBe(2 * HOUR);
  });

  it('keeps office hours at local 09:00 after the autumn change (CEST → CET)', () => {
    // given: Friday 23 October 17:00 CEST, 2 h to go
    const start = new Date('2026-10-23T17:00:00+02:00');
    // when
    const due = addBusinessTime({ start, durationMs: 2 * HOUR, calendar: office });
    // then: Monday 26 October 10:00 CET
    expect(due).toEqual(new Date('2026-10-26T10:00:00+01:00'));
    expect(nextWorkingInstant({ at: start, calendar: office })).toEqual(start);
    expect(nextWorkingInstant({ at: new Date('2026-10-24T12:00:00+02:00'), calendar: office })).toEqual(new Date('2026-10-26T09:00:00+01:00'));
  });

  it('counts a 24-hour working day as 23 h in spring and 25 h in autumn', () => {
    // given
    const calendar = sundays(allDays);
    // when / then
    expect(businessTimeBetween({ from: new Date('2026-03-28T00:00:00Z'), to: new Date('2026-03-31T00:00:00Z'), calendar })).toBe(23 * HOUR);
    expect(businessTimeBetween({ from: new Date('2026-10-24T00:00:00Z'), to: new Date('2026-10-27T00:00:00Z'), calendar })).toBe(25 * HOUR);
    expect(addBusinessTime({ start: new Date('2026-03-28T12:00:00Z'), durationMs: 23 * HOUR, calendar })).toEqual(new Date('2026-03-30T00:00:00+02:00'));
    expect(addBusinessTime({ start: new Date('2026-10-24T12:00:00Z'), durationMs: 24.5 * HOUR, calendar })).toEqual(new Date('2026-10-25T23:30:00+01:00'));
  });

  it('counts a night shift 00:00–06:00 as 5 h in spring and 7 h in autumn', () => {
    // given
    const calendar = sundays([{ from: '00:00', to: '06:00' }]);
    // when / then
    expect(businessTimeBetween({ from: new Date('2026-03-29T00:00:00+01:00'), to: new Date('2026-03-29T12:00:00+02:00'), calendar })).toBe(5 * HOUR);
    expect(businessTimeBetween({ from: new Date('2026-10-25T00:00:00+02:00'), to: new Date('2026-10-25T12:00:00+01:00'), calendar })).toBe(7 * HOUR);
    expect(addBusinessTime({ start: new Date('2026-03-29T00:00:00+01:00'), durationMs: 3 * HOUR, calendar })).toEqual(new Date('2026-03-29T04:00:00+02:00'));
  });

  it('skips the non-existent hour and reads the repeated hour as its later occurrence', () => {
    // given: a shift inside the hour that does not exist, and one starting inside the hour that repeats
    const gap = sundays([{ from: '02:00', to: '03:00' }]);
    const repeated = sundays([{ from: '02:30', to: '04:00' }]);
    // when / then
    expect(businessTimeBetween({ from: new Date('2026-03-29T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z'), calendar: gap })).toBe(0);
    expect(businessTimeBetween({ from: new Date('2026-10-25T00:00:00Z'), to: new Date('2026-10-26T00:00:00Z'), calendar: repeated })).toBe(1.5 * HOUR);
    expect(isWorkingTime({ at: new Date('2026-10-25T02:45:00+02:00'), calendar: repeated })).toBe(false);
    expect(isWorkingTime({ at: new Date('2026-10-25T02:45:00+01:00'), calendar: repeated })).toBe(true);
  });

  it('gives the same result as plain arithmetic on a 24/7 Berlin calendar, with or without the fast path', () => {
    // given: the holiday is far away but turns the fast path off
    const fast = everyDay([]);
    const slow = everyDay(['2030-01-01']);
    const start = new Date('2026-03-28T12:00:00+01:00');
    // when
    const viaFast = addBusinessTime({ start, durationMs: 24 * HOUR, calendar: fast });
    const viaSlow = addBusinessTime({ start, durationMs: 24 * HOUR, calendar: slow });
    // then: 24 real hours later, which reads 13:00 on the clock after the spring change
    expect(viaFast).toEqual(new Date('2026-03-29T13:00:00+02:00'));
    expect(viaSlow).toEqual(viaFast);
    expect(businessTimeBetween({ from: new Date('2026-10-24T00:00:00Z'), to: new Date('2026-10-27T00:00:00Z'), calendar: slow })).toBe(72 * HOUR);
  });
});
