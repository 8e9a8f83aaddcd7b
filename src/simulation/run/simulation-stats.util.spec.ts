// Means, t-intervals and percentiles of the replications.
import { percentile, stat } from './simulation-stats.util';

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
