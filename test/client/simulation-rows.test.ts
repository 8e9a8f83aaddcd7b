// The Simulate… dialog's comparison rules: which KPI rows it shows, when a difference counts as better or worse, the
// history window it sends.
import { kpiRows, pickVariants, verdict, type ComparedVariant, type Stat } from '../../client/src/simulation/simulation-rows';
import { historyWindow } from '../../client/src/simulation/simulation-window';

const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, ci95: [lo, hi] });

function variant(label: string, overrides: Partial<ComparedVariant['kpis']> = {}, utilisation: Record<string, Stat> = {}): ComparedVariant {
  return {
    label,
    version: label === 'edited' ? undefined : Number(label.slice(1)),
    kpis: {
      slaBreaches: { resolution: stat(10, 8, 12) },
      slaWarnings: { resolution: stat(20, 18, 22) },
      responseOnTimeRate: stat(0.8, 0.75, 0.85),
      resolutionHours: { p50: stat(5, 4, 6), p90: stat(20, 18, 22), p95: stat(30, 27, 33) },
      escalations: { L2: stat(3, 2, 4) },
      completed: stat(900, 880, 920),
      ...overrides,
    },
    utilisation,
  };
}

describe('simulation comparison rows', () => {
  it('pairs the deployed variant with the edited one whatever their order', () => {
    const { base, edited } = pickVariants([variant('edited'), variant('v2')]);
    expect(base?.label).toBe('v2');
    expect(edited?.label).toBe('edited');
  });

  it('shows a response on-time rate with no data (null) as a row without a figure and without a verdict', () => {
    const rows = kpiRows(variant('v2', { responseOnTimeRate: null }), variant('edited'));
    const row = rows.find((r) => r.id === 'responseOnTimeRate')!;
    expect(row.base).toBeUndefined();
    expect(row.edited).toEqual(stat(0.8, 0.75, 0.85));
    expect(verdict(row)).toBe('none');
  });

  it('gives every policy, level and role a row, also one only a single variant has', () => {
    // given an edited diagram whose run knows a response policy and an L3 the deployed one never reached
    const base = variant('v2', {}, { agent: stat(0.6, 0.55, 0.65) });
    const edited = variant('edited', { slaBreaches: { resolution: stat(6, 5, 7), response: stat(1, 0, 2) }, escalations: { L2: stat(3, 2, 4), L3: stat(1, 0, 2) } }, { agent: stat(0.7, 0.65, 0.75) });
    // when
    const rows = kpiRows(base, edited);
    // then
    expect(rows.map((r) => r.id)).toEqual([
      'breaches:resolution', 'breaches:response', 'warnings:resolution', 'responseOnTimeRate',
      'resolution:p50', 'resolution:p90', 'resolution:p95', 'escalations:L2', 'escalations:L3', 'completed', 'utilisation:agent',
    ]);
    expect(rows.find((r) => r.id === 'breaches:response')).toMatchObject({ base: undefined, edited: stat(1, 0, 2) });
    expect(verdict(rows.find((r) => r.id === 'breaches:response')!)).toBe('none');
  });

  it('calls a difference better or worse only when the 95 % intervals do not overlap', () => {
    const base = variant('v2');
    const rows = kpiRows(base, variant('edited', {
      slaBreaches: { resolution: stat(6, 5, 7) }, // fewer breaches, apart → better
      slaWarnings: { resolution: stat(21, 19, 23) }, // overlapping → noise
      responseOnTimeRate: stat(0.6, 0.55, 0.65), // lower on-time rate, apart → worse
      completed: stat(950, 925, 975), // more completed, apart → better
    }));
    const of = (id: string) => verdict(rows.find((r) => r.id === id)!);
    expect(of('breaches:resolution')).toBe('better');
    expect(of('warnings:resolution')).toBe('unclear');
    expect(of('responseOnTimeRate')).toBe('worse');
    expect(of('completed')).toBe('better');
    expect(of('resolution:p50')).toBe('none'); // the same
  });

  it('adds the mean resolution time and the requests started when the server sends them, started without a verdict', () => {
    const withExtras = (label: string, started: Stat) => variant(label, { resolutionHours: { p50: stat(5, 4, 6), p90: stat(20, 18, 22), p95: stat(30, 27, 33), mean: stat(8, 7, 9) }, started });
    const rows = kpiRows(withExtras('v2', stat(100, 98, 102)), withExtras('edited', stat(120, 118, 122)));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['resolution:mean', 'started']));
    expect(rows.findIndex((r) => r.id === 'resolution:mean')).toBe(rows.findIndex((r) => r.id === 'resolution:p50') - 1);
    expect(verdict(rows.find((r) => r.id === 'started')!)).toBe('none');
  });

  it('gives utilisation no verdict: busier staff is neither good nor bad by itself', () => {
    const rows = kpiRows(variant('v2', {}, { agent: stat(0.5, 0.45, 0.55) }), variant('edited', {}, { agent: stat(0.9, 0.85, 0.95) }));
    expect(verdict(rows.find((r) => r.id === 'utilisation:agent')!)).toBe('none');
  });
});

describe('simulation history window', () => {
  // jest runs in Asia/Shanghai (UTC+8): local midnights are 16:00 UTC the day before.
  it('takes both days whole, from local midnight to the next one after the last day', () => {
    expect(historyWindow('2026-01-01', '2026-01-30', Date.parse('2026-06-01T00:00:00Z'))).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-01-30T16:00:00.000Z' });
  });

  it('ends now when the last day is today', () => {
    const now = Date.parse('2026-01-30T04:30:00Z');
    expect(historyWindow('2026-01-01', '2026-01-30', now)?.to).toBe('2026-01-30T04:30:00.000Z');
  });

  it('refuses a period that ends before it starts, or a missing day', () => {
    expect(historyWindow('2026-02-01', '2026-01-30', Date.parse('2026-06-01T00:00:00Z'))).toBeNull();
    expect(historyWindow('', '2026-01-30')).toBeNull();
  });
});
