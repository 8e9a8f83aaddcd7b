// Means, t-intervals and percentiles of the replications.
import type { ReplicationOutcome } from './simulation-run.types';
import { percentile, stat, variantResult } from './simulation-stats.util';

describe('simulation statistics', () => {
  it('gives the mean and a 95 % t-interval over replications', () => {
    // given five replications with mean 10 and sample sd √2.5
    const s = stat([8, 9, 10, 11, 12]);
    // then the half-width is t(0.975, 4) · sd / √5 = 2.776 · 1.5811 / 2.2361
    expect(s.mean).toBe(10);
    expect(s.ci95[0]).toBeCloseTo(10 - 1.963, 2);
    expect(s.ci95[1]).toBeCloseTo(10 + 1.963, 2);
  });

  it('has no interval for one replication and takes nearest-rank percentiles', () => {
    expect(stat([4])).toEqual({ mean: 4, ci95: [4, 4] });
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([], 90)).toBe(0);
  });
});

describe('simulation statistics of counts', () => {
  it('never gives a negative lower end for quantities that cannot be negative', () => {
    expect(stat([0, 19]).ci95[0]).toBe(0);
    expect(stat([-3, 5]).ci95[0]).toBeLessThan(0);
  });
});

describe('simulation statistics of the response on-time rate', () => {
  const outcome = (onTime: number, responded: number): ReplicationOutcome => ({ breaches: {}, warnings: {}, onTime, responded, resolutionHours: [], escalations: {}, completed: 0, started: 0, backlog: [], breachesPerWeek: [], utilisation: {}, commands: 0 });

  it('skips a replication without any response (no data, not 0 %)', () => {
    const r = variantResult('v1', 1, [outcome(3, 4), outcome(0, 0), outcome(1, 2)]);
    expect(r.kpis.responseOnTimeRate).toEqual(stat([0.75, 0.5]));
  });

  it('reports no data (null) when no replication had a response', () => {
    expect(variantResult('v1', 1, [outcome(0, 0), outcome(0, 0)]).kpis.responseOnTimeRate).toBeNull();
  });
});
