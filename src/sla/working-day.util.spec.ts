// Unit specs of the per-day working spans a calendar compiles to.
import { ROUND_THE_CLOCK, createBusinessCalendar } from './business-calendar';
import { compileCalendar, dayNumberOfIsoDate, isoDateOfDayNumber, localDayNumber, workingSpansOfDay } from './working-day.util';

const iso = (spans: Array<{ start: number; end: number }>) => spans.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);

describe('workingSpansOfDay', () => {
  const calendar = createBusinessCalendar({
    id: 'split',
    name: 'Split',
    workingHours: { mon: [{ from: '13:30', to: '18:00' }, { from: '09:00', to: '12:00' }], sat: [{ from: '10:00', to: '12:00' }] },
    holidays: ['2026-03-10'],
    workdays: ['2026-03-08'],
  });
  const compiled = compileCalendar(calendar);

  it('gives sorted absolute spans in the calendar zone', () => {
    // given
    const monday = dayNumberOfIsoDate('2026-03-09');
    // when
    const spans = workingSpansOfDay(compiled, monday);
    // then
    expect(iso(spans)).toEqual([
      ['2026-03-09T01:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09T05:30:00.000Z', '2026-03-09T10:00:00.000Z'],
    ]);
  });

  it('closes holidays and gives a make-up workday the Monday hours', () => {
    // given / when / then
    expect(workingSpansOfDay(compiled, dayNumberOfIsoDate('2026-03-10'))).toEqual([]);
    expect(iso(workingSpansOfDay(compiled, dayNumberOfIsoDate('2026-03-08')))).toEqual([
      ['2026-03-08T01:00:00.000Z', '2026-03-08T04:00:00.000Z'],
      ['2026-03-08T05:30:00.000Z', '2026-03-08T10:00:00.000Z'],
    ]);
    expect(iso(workingSpansOfDay(compiled, dayNumberOfIsoDate('2026-03-07')))).toEqual([['2026-03-07T02:00:00.000Z', '2026-03-07T04:00:00.000Z']]);
  });

  it('makes a Berlin 24-hour day 23 h long in spring and 25 h in autumn', () => {
    // given
    const berlin = compileCalendar(createBusinessCalendar({ id: 'b', name: 'B', timeZone: 'Europe/Berlin', workingHours: { sun: [{ from: '00:00', to: '24:00' }] } }));
    const length = (date: string) => workingSpansOfDay(berlin, dayNumberOfIsoDate(date)).reduce((sum, s) => sum + s.end - s.start, 0) / 3_600_000;
    // when / then
    expect(length('2026-03-29')).toBe(23);
    expect(length('2026-10-25')).toBe(25);
    expect(length('2026-03-22')).toBe(24);
  });
});

describe('compileCalendar', () => {
  it('recognises round-the-clock calendars only without holidays', () => {
    // given / when / then
    expect(compileCalendar(ROUND_THE_CLOCK).roundTheClock).toBe(true);
    expect(compileCalendar({ ...ROUND_THE_CLOCK, holidays: ['2026-01-01'] }).roundTheClock).toBe(false);
  });

  it('throws on an invalid calendar, listing its problems', () => {
    // given
    const calendar = createBusinessCalendar({ id: 'bad', name: 'Bad', timeZone: 'Nowhere/Land' });
    // when / then
    expect(() => compileCalendar(calendar)).toThrow('Invalid business calendar "bad": timeZone "Nowhere/Land" is not a known IANA time zone');
  });
});

describe('day numbers', () => {
  it('round-trips ISO dates and finds the local day of an instant', () => {
    // given
    const instant = Date.parse('2026-03-08T17:00:00Z'); // 2026-03-09 01:00 in Shanghai
    // when / then
    expect(isoDateOfDayNumber(dayNumberOfIsoDate('2026-02-28'))).toBe('2026-02-28');
    expect(isoDateOfDayNumber(localDayNumber(instant, 'Asia/Shanghai'))).toBe('2026-03-09');
    expect(isoDateOfDayNumber(localDayNumber(instant, 'America/New_York'))).toBe('2026-03-08');
  });
});
