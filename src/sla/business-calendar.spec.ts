// Unit specs of the business-calendar type helpers and validator.
import {
  type BusinessCalendar,
  DEFAULT_CALENDAR,
  ROUND_THE_CLOCK,
  createBusinessCalendar,
  isIsoDate,
  parseClockTime,
  validateBusinessCalendar,
} from './business-calendar';

const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('validateBusinessCalendar', () => {
  it('accepts the built-in calendars', () => {
    // given / when / then
    expect(validateBusinessCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(validateBusinessCalendar(ROUND_THE_CLOCK)).toEqual([]);
  });

  it('accepts split hours, holidays and make-up workdays', () => {
    // given
    const calendar = createBusinessCalendar({
      id: 'cn',
      name: 'China office',
      workingHours: { mon: [{ from: '13:30', to: '18:00' }, { from: '09:00', to: '12:00' }] },
      holidays: ['2026-02-16'],
      workdays: ['2026-02-14'],
    });
    // when
    const problems = validateBusinessCalendar(calendar);
    // then
    expect(problems).toEqual([]);
  });

  it('reports every problem in human-readable form', () => {
    // given
    const calendar: BusinessCalendar = {
      id: 'bad',
      name: 'Bad',
      timeZone: 'Mars/Olympus_Mons',
      workingHours: {
        ...closedWeek,
        mon: [{ from: '9:00', to: '18:00' }],
        tue: [{ from: '18:00', to: '09:00' }],
        wed: [{ from: '09:00', to: '12:30' }, { from: '12:00', to: '18:00' }],
        thu: [{ from: '09:00', to: '24:01' }],
        fri: [{ from: '24:00', to: '24:00' }],
      },
      holidays: ['2026-02-30', '20260501'],
      workdays: ['2026-13-01', '2026-05-02'],
    };
    calendar.holidays.push('2026-05-02');
    // when
    const problems = validateBusinessCalendar(calendar);
    // then
    expect(problems).toEqual([
      'timeZone "Mars/Olympus_Mons" is not a known IANA time zone',
      'workingHours.mon[0].from "9:00" is not a time HH:mm (00:00–23:59)',
      'workingHours.tue[0]: from 18:00 must be before to 09:00',
      'workingHours.wed: 09:00–12:30 overlaps 12:00–18:00',
      'workingHours.thu[0].to "24:01" is not a time HH:mm (00:01–24:00)',
      'workingHours.fri[0].from "24:00" is not a time HH:mm (00:00–23:59)',
      'holidays: "2026-02-30" is not a date YYYY-MM-DD',
      'holidays: "20260501" is not a date YYYY-MM-DD',
      'workdays: "2026-13-01" is not a date YYYY-MM-DD',
      '2026-05-02 is both a holiday and a workday',
    ]);
  });

  it('allows touching intervals but reports an equal from and to', () => {
    // given
    const touching = createBusinessCalendar({ id: 't', name: 'T', workingHours: { mon: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '18:00' }] } });
    const empty = createBusinessCalendar({ id: 'e', name: 'E', workingHours: { mon: [{ from: '09:00', to: '09:00' }] } });
    // when / then
    expect(validateBusinessCalendar(touching)).toEqual([]);
    expect(validateBusinessCalendar(empty)).toEqual(['workingHours.mon[0]: from 09:00 must be before to 09:00']);
  });

  it('reports a missing day, an unknown day key and workdays without Monday hours', () => {
    // given
    const calendar = {
      id: 'x',
      name: 'X',
      timeZone: 'Asia/Shanghai',
      workingHours: { ...closedWeek, sun: undefined, funday: [] },
      holidays: [],
      workdays: ['2026-02-14'],
    } as unknown as BusinessCalendar;
    // when
    const problems = validateBusinessCalendar(calendar);
    // then
    expect(problems).toEqual([
      'workingHours.funday is not a weekday (use mon, tue, wed, thu, fri, sat, sun)',
      'workingHours.sun must be a list of intervals ([] when closed)',
      'workdays use the Monday hours, but Monday has none',
    ]);
  });
});

describe('createBusinessCalendar', () => {
  it('defaults the zone to Asia/Shanghai and the hours to Mon–Fri 09:00–18:00', () => {
    // given / when
    const calendar = createBusinessCalendar({ id: 'c', name: 'C', workingHours: { sat: [{ from: '10:00', to: '14:00' }] } });
    // then
    expect(calendar.timeZone).toBe('Asia/Shanghai');
    expect(calendar.workingHours.mon).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(calendar.workingHours.sat).toEqual([{ from: '10:00', to: '14:00' }]);
    expect(calendar.workingHours.sun).toEqual([]);
    expect(calendar.holidays).toEqual([]);
  });

  it('copies the default hours, which stay frozen', () => {
    // given
    const calendar = createBusinessCalendar({ id: 'c', name: 'C' });
    // when
    calendar.workingHours.mon.push({ from: '19:00', to: '20:00' });
    // then
    expect(DEFAULT_CALENDAR.workingHours.mon).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(Object.isFrozen(DEFAULT_CALENDAR.workingHours.mon)).toBe(true);
    expect(Object.isFrozen(ROUND_THE_CLOCK.workingHours.sun[0])).toBe(true);
  });
});

describe('parseClockTime and isIsoDate', () => {
  it('reads HH:mm strictly', () => {
    // given / when / then
    expect(parseClockTime('00:00', false)).toBe(0);
    expect(parseClockTime('13:30', false)).toBe(810);
    expect(parseClockTime('24:00', true)).toBe(1440);
    expect(parseClockTime('24:00', false)).toBeNull();
    expect(parseClockTime('7:30', false)).toBeNull();
    expect(parseClockTime('12:60', false)).toBeNull();
  });

  it('accepts only real dates', () => {
    // given / when / then
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});
