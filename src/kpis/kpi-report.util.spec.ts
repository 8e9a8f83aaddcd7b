// Report periods: days, ISO weeks and months in the configured zone, clipped to the window.
import { reportPeriods } from './kpi-report.util';

describe('reportPeriods', () => {
  const iso = (ps: { from: Date; to: Date }[]) => ps.map((p) => [p.from.toISOString(), p.to.toISOString()]);

  it('cuts months at midnight Shanghai time and clips the first and last to the window', () => {
    // given / when
    const periods = reportPeriods(new Date('2040-01-15T00:00:00Z'), new Date('2040-03-10T00:00:00Z'), 'month', 'Asia/Shanghai');
    // then
    expect(iso(periods)).toEqual([
      ['2040-01-15T00:00:00.000Z', '2040-01-31T16:00:00.000Z'],
      ['2040-01-31T16:00:00.000Z', '2040-02-29T16:00:00.000Z'],
      ['2040-02-29T16:00:00.000Z', '2040-03-10T00:00:00.000Z'],
    ]);
  });

  it('weeks start on Monday; days follow the zone across a DST change', () => {
    expect(iso(reportPeriods(new Date('2040-05-02T00:00:00Z'), new Date('2040-05-09T00:00:00Z'), 'week', 'UTC'))).toEqual([
      ['2040-05-02T00:00:00.000Z', '2040-05-07T00:00:00.000Z'],
      ['2040-05-07T00:00:00.000Z', '2040-05-09T00:00:00.000Z'],
    ]);
    const days = reportPeriods(new Date('2040-03-24T23:00:00Z'), new Date('2040-03-26T23:00:00Z'), 'day', 'Europe/Berlin');
    expect(days.map((d) => (d.to.getTime() - d.from.getTime()) / 3600_000)).toEqual([23, 24, 1]);
  });
});
