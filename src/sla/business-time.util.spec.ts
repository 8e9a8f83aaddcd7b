// Unit specs of business-time arithmetic on Asia/Shanghai calendars: weekends, holidays, split hours, make-up days.
import { DEFAULT_CALENDAR, ROUND_THE_CLOCK, createBusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant } from './business-time.util';

const HOUR = 3_600_000;
const sh = (local: string) => new Date(`${local}:00+08:00`);
const calendar = DEFAULT_CALENDAR;

describe('addBusinessTime', () => {
  it('carries a 4 h target from Friday 16:00 over the weekend to Monday 11:00', () => {
    // given
    const start = sh('2026-03-06T16:00');
    // when
    const due = addBusinessTime({ start, durationMs: 4 * HOUR, calendar });
    // then
    expect(due).toEqual(sh('2026-03-09T11:00'));
  });

  it('stays within the day when there is time left, and ends at closing rather than the next morning', () => {
    // given / when / then
    expect(addBusinessTime({ start: sh('2026-03-09T09:30'), durationMs: 2 * HOUR, calendar })).toEqual(sh('2026-03-09T11:30'));
    expect(addBusinessTime({ start: sh('2026-03-09T14:00'), durationMs: 4 * HOUR, calendar })).toEqual(sh('2026-03-09T18:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T14:00'), durationMs: 4 * HOUR + 1, calendar })).toEqual(new Date(sh('2026-03-10T09:00').getTime() + 1));
  });

  it('starts counting at the next working instant when started outside working hours', () => {
    // given / when / then
    expect(addBusinessTime({ start: sh('2026-03-07T10:00'), durationMs: HOUR, calendar })).toEqual(sh('2026-03-09T10:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T07:00'), durationMs: HOUR, calendar })).toEqual(sh('2026-03-09T10:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T20:00'), durationMs: HOUR, calendar })).toEqual(sh('2026-03-10T10:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T18:00'), durationMs: HOUR, calendar })).toEqual(sh('2026-03-10T10:00'));
  });

  it('skips holidays (Labour Day 1–5 May 2026)', () => {
    // given
    const labourDay = createBusinessCalendar({ id: 'cn', name: 'CN', holidays: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'] });
    // when
    const due = addBusinessTime({ start: sh('2026-04-30T16:00'), durationMs: 4 * HOUR, calendar: labourDay });
    // then
    expect(due).toEqual(sh('2026-05-06T11:00'));
  });

  it('counts split hours and starts after the lunch break when started inside it', () => {
    // given
    const split = createBusinessCalendar({
      id: 'split',
      name: 'Split',
      workingHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '18:00' }]])),
    });
    // when / then
    expect(addBusinessTime({ start: sh('2026-03-09T12:30'), durationMs: HOUR, calendar: split })).toEqual(sh('2026-03-09T14:30'));
    expect(addBusinessTime({ start: sh('2026-03-09T11:00'), durationMs: 2 * HOUR, calendar: split })).toEqual(sh('2026-03-09T14:30'));
    expect(addBusinessTime({ start: sh('2026-03-09T11:00'), durationMs: HOUR, calendar: split })).toEqual(sh('2026-03-09T12:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T17:00'), durationMs: 4 * HOUR, calendar: split })).toEqual(sh('2026-03-10T12:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T17:00'), durationMs: 4 * HOUR + 60_000, calendar: split })).toEqual(sh('2026-03-10T13:31'));
  });

  it('works a make-up Saturday and skips the Spring Festival holiday', () => {
    // given: 2026 Spring Festival, closed 15–23 Feb, Saturday 14 Feb is a working day
    const springFestival = createBusinessCalendar({
      id: 'cn-2026',
      name: 'China 2026',
      holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
      workdays: ['2026-02-14', '2026-02-28'],
    });
    // when / then
    expect(addBusinessTime({ start: sh('2026-02-13T16:00'), durationMs: 4 * HOUR, calendar: springFestival })).toEqual(sh('2026-02-14T11:00'));
    expect(addBusinessTime({ start: sh('2026-02-14T17:00'), durationMs: 2 * HOUR, calendar: springFestival })).toEqual(sh('2026-02-24T10:00'));
    expect(addBusinessTime({ start: sh('2026-02-14T17:00'), durationMs: 2 * HOUR, calendar })).toEqual(sh('2026-02-16T11:00'));
  });

  it('returns the start itself for a duration of 0, even outside working hours', () => {
    // given / when / then
    expect(addBusinessTime({ start: sh('2026-03-07T10:00'), durationMs: 0, calendar })).toEqual(sh('2026-03-07T10:00'));
    expect(addBusinessTime({ start: sh('2026-03-09T10:00'), durationMs: 0, calendar })).toEqual(sh('2026-03-09T10:00'));
  });

  it('handles 200 working hours by whole days (22 days of 9 h, then 2 h)', () => {
    // given / when
    const due = addBusinessTime({ start: sh('2026-03-02T09:00'), durationMs: 200 * HOUR, calendar });
    // then
    expect(due).toEqual(sh('2026-04-01T11:00'));
    expect(businessTimeBetween({ from: sh('2026-03-02T09:00'), to: due, calendar })).toBe(200 * HOUR);
  });

  it('stays fast for years of working time', () => {
    // given
    const started = performance.now();
    // when
    const due = addBusinessTime({ start: sh('2026-01-01T00:00'), durationMs: 20_000 * HOUR, calendar });
    // then
    expect(businessTimeBetween({ from: sh('2026-01-01T00:00'), to: due, calendar })).toBe(20_000 * HOUR);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('rejects a negative or non-finite duration, an invalid date and a calendar without working time', () => {
    // given
    const never = createBusinessCalendar({ id: 'never', name: 'Never', workingHours: { mon: [], tue: [], wed: [], thu: [], fri: [] } });
    const mondaysOnly = createBusinessCalendar({ id: 'mon', name: 'Mon', workingHours: { tue: [], wed: [], thu: [], fri: [] }, holidays: ['2026-03-09', '2026-03-16'] });
    // when / then
    expect(() => addBusinessTime({ start: sh('2026-03-09T10:00'), durationMs: -1, calendar })).toThrow(RangeError);
    expect(() => addBusinessTime({ start: sh('2026-03-09T10:00'), durationMs: Infinity, calendar })).toThrow(RangeError);
    expect(() => addBusinessTime({ start: new Date('nope'), durationMs: 1, calendar })).toThrow('start must be a valid Date');
    expect(() => addBusinessTime({ start: sh('2026-03-09T10:00'), durationMs: 1, calendar: never })).toThrow('has no working time');
    expect(addBusinessTime({ start: sh('2026-03-07T10:00'), durationMs: HOUR, calendar: mondaysOnly })).toEqual(sh('2026-03-23T10:00'));
  });
});

describe('businessTimeBetween', () => {
  it('counts only working time and is 0 when to is not after from', () => {
    // given / when / then
    expect(businessTimeBetween({ from: sh('2026-03-06T16:00'), to: sh('2026-03-09T11:00'), calendar })).toBe(4 * HOUR);
    expect(businessTimeBetween({ from: sh('2026-03-07T00:00'), to: sh('2026-03-08T23:59'), calendar })).toBe(0);
    expect(businessTimeBetween({ from: sh('2026-03-09T11:00'), to: sh('2026-03-09T11:00'), calendar })).toBe(0);
    expect(businessTimeBetween({ from: sh('2026-03-09T11:00'), to: sh('2026-03-09T10:00'), calendar })).toBe(0);
    expect(businessTimeBetween({ from: sh('2026-03-02T00:00'), to: sh('2026-03-09T00:00'), calendar })).toBe(45 * HOUR);
  });
});

describe('nextWorkingInstant and isWorkingTime', () => {
  it('treats spans as half-open: opening is working time, closing is not', () => {
    // given / when / then
    expect(isWorkingTime({ at: sh('2026-03-09T09:00'), calendar })).toBe(true);
    expect(isWorkingTime({ at: sh('2026-03-09T17:59'), calendar })).toBe(true);
    expect(isWorkingTime({ at: sh('2026-03-09T18:00'), calendar })).toBe(false);
    expect(isWorkingTime({ at: sh('2026-03-07T12:00'), calendar })).toBe(false);
  });

  it('finds the next working instant, or the instant itself when working', () => {
    // given / when / then
    expect(nextWorkingInstant({ at: sh('2026-03-09T10:15'), calendar })).toEqual(sh('2026-03-09T10:15'));
    expect(nextWorkingInstant({ at: sh('2026-03-09T18:00'), calendar })).toEqual(sh('2026-03-10T09:00'));
    expect(nextWorkingInstant({ at: sh('2026-03-06T23:00'), calendar })).toEqual(sh('2026-03-09T09:00'));
    expect(nextWorkingInstant({ at: sh('2026-03-09T02:00'), calendar })).toEqual(sh('2026-03-09T09:00'));
  });
});

describe('round the clock', () => {
  it('reduces to plain arithmetic', () => {
    // given
    const start = new Date('2026-03-07T03:17:00Z');
    // when / then
    expect(addBusinessTime({ start, durationMs: 200 * HOUR, calendar: ROUND_THE_CLOCK })).toEqual(new Date(start.getTime() + 200 * HOUR));
    expect(businessTimeBetween({ from: start, to: new Date('2026-03-08T03:17:00Z'), calendar: ROUND_THE_CLOCK })).toBe(24 * HOUR);
    expect(isWorkingTime({ at: start, calendar: ROUND_THE_CLOCK })).toBe(true);
    expect(nextWorkingInstant({ at: start, calendar: ROUND_THE_CLOCK })).toEqual(start);
  });
});
