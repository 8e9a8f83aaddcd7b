// Unit specs of timer start-event scheduling.
import { nextOccurrence } from './timer-schedule.util';

const base = { deployedAt: new Date('2026-01-05T00:00:00Z'), timeZone: 'Asia/Shanghai', firedCount: 0 };

describe('nextOccurrence', () => {
  it('fires a date once', () => {
    expect(nextOccurrence({ ...base, timerType: 'timeDate', value: '2026-02-01T09:00:00+08:00', after: base.deployedAt })?.toISOString()).toBe('2026-02-01T01:00:00.000Z');
    expect(nextOccurrence({ ...base, timerType: 'timeDate', value: '2026-02-01T09:00:00+08:00', after: base.deployedAt, firedCount: 1 })).toBeNull();
  });

  it('counts a duration from the deployment, once', () => {
    expect(nextOccurrence({ ...base, timerType: 'timeDuration', value: 'PT2H', after: base.deployedAt })?.toISOString()).toBe('2026-01-05T02:00:00.000Z');
  });

  it('repeats R3/PT10M three times', () => {
    const after = new Date('2026-01-05T00:10:00Z');
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: 'R3/PT10M', after: base.deployedAt })?.toISOString()).toBe('2026-01-05T00:10:00.000Z');
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: 'R3/PT10M', after, firedCount: 2 })?.toISOString()).toBe('2026-01-05T00:20:00.000Z');
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: 'R3/PT10M', after, firedCount: 3 })).toBeNull();
  });

  it('follows an anchored unbounded cycle and skips missed occurrences', () => {
    const after = new Date('2026-01-09T03:00:00Z');
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: 'R/2026-01-05T09:00:00+08:00/P1D', after, firedCount: 1 })?.toISOString()).toBe('2026-01-10T01:00:00.000Z');
  });

  it('ends an anchored bounded cycle', () => {
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: 'R2/2026-01-05T01:00:00Z/PT1H', after: new Date('2026-01-05T04:00:00Z') })).toBeNull();
  });

  it('evaluates cron in the configured zone: weekdays at 09:00 Shanghai', () => {
    const friday = new Date('2026-01-09T02:00:00Z'); // Friday 10:00 in Shanghai
    expect(nextOccurrence({ ...base, timerType: 'timeCycle', value: '0 0 9 * * 1-5', after: friday })?.toISOString()).toBe('2026-01-12T01:00:00.000Z');
  });
});
