// Unit specs of target selection and durations.
import { parseDurationMs, targetKey } from './sla-target.util';

describe('sla targets', () => {
  it('reads ISO durations', () => {
    expect(parseDurationMs('PT15M')).toBe(15 * 60_000);
    expect(parseDurationMs('P1DT2H')).toBe(26 * 3600_000);
    expect(parseDurationMs('P1M')).toBeNull();
    expect(parseDurationMs('soon')).toBeNull();
  });

  it('prefers priority, then urgent, then default', () => {
    const targets = { P1: 'PT4H', urgent: 'PT15M', default: 'PT1H' };
    expect(targetKey(targets, { priority: 'P1', urgent: true })).toBe('P1');
    expect(targetKey(targets, { priority: 'P3', urgent: true })).toBe('urgent');
    expect(targetKey(targets, {})).toBe('default');
  });
});
