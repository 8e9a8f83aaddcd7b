// Unit specs of the iCalendar holiday parser, on a hand-written Chinese public-holiday feed for 2026.
import { createBusinessCalendar, validateBusinessCalendar } from './business-calendar';
import { addBusinessTime } from './business-time.util';
import { parseIcsHolidays } from './ics-holidays.util';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** Shaped like the feeds calendar apps publish: CRLF, folded lines, a VTIMEZONE, an alarm, make-up workdays. */
const CHINA_2026 = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//service-flow//holiday sample//ZH',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:中国法定节假日 2026',
  'X-WR-TIMEZONE:Asia/Shanghai',
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:2026-newyear@holidays.example.cn',
  'DTSTAMP:20251104T020000Z',
  'DTSTART;VALUE=DATE:20260101',
  'SUMMARY:元旦',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-spring@holidays.example.cn',
  'DTSTAMP:20251104T020000Z',
  'DTSTART;VALUE=DATE:20260215',
  'DTEND;VALUE=DATE:20260224',
  'SUMMARY:春节',
  'DESCRIPTION:2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）',
  '  上班。',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-P1D',
  'DESCRIPTION:明天放假',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-spring-work-1@holidays.example.cn',
  'DTSTART;VALUE=DATE:20260214',
  'DTEND;VALUE=DATE:20260215',
  'SUMMARY:春节补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-spring-work-2@holidays.example.cn',
  'DTSTART;VALUE=DATE:20260228',
  'SUMMARY:春节（班）',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-labour@holidays.example.cn',
  'DTSTART;VALUE=DATE:20260501',
  'DTEND;VALUE=DATE:20260506',
  'SUMMARY:劳动',
  '\t节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-national@holidays.example.cn',
  'DTSTART:20261001T000000Z',
  'DTEND:20261008T000000Z',
  'SUMMARY:国庆节\\, 中秋节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2026-draft@holidays.example.cn',
  'DTSTART;VALUE=DATE:20260601',
  'SUMMARY:草案（已取消）',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'END:VCALENDAR',
]);

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

describe('parseIcsHolidays', () => {
  it('reads single and multi-day holidays, make-up workdays and names from a Chinese feed', () => {
    // given / when
    const result = parseIcsHolidays(CHINA_2026);
    // then
    expect(result.problems).toEqual([]);
    expect(result.dates).toEqual(['2026-01-01', ...range('2026-02', 15, 23), ...range('2026-05', 1, 5), ...range('2026-10', 1, 7)]);
    expect(result.workdays).toEqual(['2026-02-14', '2026-02-28']);
    expect(result.names).toMatchObject({ '2026-01-01': '元旦', '2026-02-18': '春节', '2026-02-14': '春节补班', '2026-05-03': '劳动节', '2026-10-07': '国庆节, 中秋节' });
    expect(result.names['2026-06-01']).toBeUndefined();
  });

  it('feeds a calendar that SLA arithmetic can use', () => {
    // given
    const { dates, workdays } = parseIcsHolidays(CHINA_2026);
    const calendar = createBusinessCalendar({ id: 'cn-2026', name: 'China 2026', holidays: dates, workdays });
    // when
    const due = addBusinessTime({ start: new Date('2026-02-13T16:00:00+08:00'), durationMs: 4 * 3_600_000, calendar });
    // then
    expect(validateBusinessCalendar(calendar)).toEqual([]);
    expect(due).toEqual(new Date('2026-02-14T11:00:00+08:00'));
  });

  it('accepts LF-only files, lower-case names, DURATION and quoted parameters with colons', () => {
    // given
    const text = [
      'begin:vcalendar',
      'BEGIN:VEVENT',
      'DTSTART;X-NOTE="a:b";VALUE=DATE:20261001',
      'DURATION:P3D',
      'SUMMARY:Golden week start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Asia/Shanghai:20261231T090000',
      'DTEND;TZID=Asia/Shanghai:20270101T120000',
      'SUMMARY:Year end',
      'END:VEVENT',
      'end:vcalendar',
    ].join('\n');
    // when
    const result = parseIcsHolidays(text, { workdaySummary: null });
    // then
    expect(result).toMatchObject({ dates: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-12-31', '2027-01-01'], problems: [] });
  });

  it('reports problems and keeps what it can read', () => {
    // given
    const text = crlf([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:No start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260230',
      'SUMMARY:Bad date',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260105',
      'DTEND;VALUE=DATE:20260101',
      'SUMMARY:Backwards',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260310',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Yearly',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'DTEND;VALUE=DATE:20280101',
      'SUMMARY:Too long',
      'END:VEVENT',
      'garbage without a colon',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260401',
      'END:VTODO',
    ]);
    // when
    const result = parseIcsHolidays(text);
    // then
    expect(result.dates).toEqual(['2026-01-05', '2026-03-10']);
    expect(result.problems).toEqual([
      'event 1 "No start": no DTSTART',
      'event 2 "Bad date": DTSTART "20260230" is not a date',
      'event 3 "Backwards": ends before it starts; counted as one day',
      'event 4 "Yearly": RRULE is not expanded; only the first occurrence is taken',
      'event 5 "Too long": spans 730 days (more than 366); ignored',
      'line 24: cannot read "garbage without a colon"',
      'line 27: END:VTODO does not close BEGIN:VEVENT',
      'unclosed BEGIN:VCALENDAR at end of file',
    ]);
  });

  it('says so when the text is not an iCalendar file', () => {
    // given / when
    const result = parseIcsHolidays('');
    // then
    expect(result).toEqual({ dates: [], workdays: [], names: {}, problems: ['no BEGIN:VCALENDAR found: not an iCalendar file?'] });
  });
});
