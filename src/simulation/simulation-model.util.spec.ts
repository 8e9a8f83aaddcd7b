// The fits and shares of the learned model.
import { seededRandom } from '../demo/demo-random.util';
import { arrivalModel, decisionModel, fitLognormal, shares } from './simulation-model.util';

describe('simulation model fits', () => {
  it('fits a lognormal by moments that reproduces the sample mean and spread', () => {
    // given samples of a known lognormal (mean 2 h, cv 1)
    const r = seededRandom(3);
    const xs = Array.from({ length: 50_000 }, () => r.lognormal(2, 1));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    // when fitted
    const fit = fitLognormal(mean, sd);
    // then the parameters are those of the source, and the fit's own mean is the sample's
    const logs = xs.map(Math.log);
    const logMean = logs.reduce((s, x) => s + x, 0) / logs.length;
    expect(fit.cv).toBeCloseTo(1, 1);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(Math.log(2)), 1);
    expect(fit.mu).toBeCloseTo(logMean, 1); // the fitted location is that of the logs
    expect(Math.exp(fit.mu + fit.sigma ** 2 / 2)).toBeCloseTo(mean, 2);
  });

  it('has no spread for a single observation', () => {
    expect(fitLognormal(1.5, null)).toMatchObject({ meanHours: 1.5, cv: 0, sigma: 0, mu: Math.round(Math.log(1.5) * 1e4) / 1e4 });
  });

  it('gives shares largest first and arrival rates per week', () => {
    expect(shares([{ key: 'a', n: 1 }, { key: 'b', n: 3 }])).toEqual({ b: 0.75, a: 0.25 });
    const from = new Date('2026-01-05T00:00:00Z');
    const to = new Date('2026-01-19T00:00:00Z'); // two weeks
    const m = arrivalModel([{ dow: 1, hour: 9, channel: 'phone', priority: 'P3', n: 6 }, { dow: 1, hour: 9, channel: 'web', priority: 'P1', n: 2 }], from, to);
    expect(m).toMatchObject({ total: 8, perWeek: 4, channel: { phone: 0.75, web: 0.25 }, byHourOfWeek: [{ day: 1, hour: 9, perWeek: 4 }], mix: { 'phone/P3': 0.75, 'web/P1': 0.25 } });
  });

  it('groups submitted decisions by task and field', () => {
    const d = decisionModel([{ activityId: 'T', field: 'ok', value: 'true', n: 3 }, { activityId: 'T', field: 'ok', value: 'false', n: 1 }]);
    expect(d).toEqual({ T: { ok: { true: 0.75, false: 0.25 } } });
  });
});
