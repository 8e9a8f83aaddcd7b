// Property specs: addBusinessTime and businessTimeBetween are inverses on a tricky calendar (seeded, deterministic).
import { createBusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant } from './business-time.util';

const split = [{ from: '08:00', to: '12:00' }, { from: '13:30', to: '17:45' }];
const calendar = createBusinessCalendar({
  id: 'tricky',
  name: 'Berlin split hours with holidays',
  timeZone: 'Europe/Berlin',
  workingHours: { mon: split, tue: split, wed: split, thu: split, fri: [{ from: '08:00', to: '14:00' }], sat: [], sun: [{ from: '01:00', to: '05:00' }] },
  holidays: ['2026-03-30', '2026-04-03', '2026-10-26', '2026-12-24', '2026-12-25'],
  workdays: ['2026-03-28', '2026-10-24'],
});

/** Park–Miller LCG, so every run checks the same cases. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

describe('business time properties', () => {
  const next = random(20260329);
  const from = Date.parse('2026-03-01T00:00:00Z');
  const cases = Array.from({ length: 200 }, () => ({
    start: new Date(from + Math.floor(next() * 300 * 86_400_000)),
    durationMs: Math.floor(next() * 120 * 3_600_000),
  }));

  it('measures back exactly the working time it added', () => {
    for (const { start, durationMs } of cases) {
      // given / when
      const due = addBusinessTime({ start, durationMs, calendar });
      // then
      expect(businessTimeBetween({ from: start, to: due, calendar })).toBe(durationMs);
    }
  });

  it('ends inside working time or exactly at the end of a span (the earliest such instant)', () => {
    for (const { start, durationMs } of cases.filter((c) => c.durationMs > 0)) {
      // given / when
      const due = addBusinessTime({ start, durationMs, calendar });
      // then
      expect(isWorkingTime({ at: new Date(due.getTime() - 1), calendar })).toBe(true);
      expect(businessTimeBetween({ from: start, to: new Date(due.getTime() - 1), calendar })).toBe(durationMs - 1);
    }
  });

  it('starts counting at the next working instant', () => {
    for (const { start } of cases) {
      // given
      const first = nextWorkingInstant({ at: start, calendar });
      // when / then
      expect(businessTimeBetween({ from: start, to: first, calendar })).toBe(0);
      expect(isWorkingTime({ at: first, calendar })).toBe(true);
      expect(addBusinessTime({ start, durationMs: 1, calendar })).toEqual(new Date(first.getTime() + 1));
    }
  });

  it('adds up: time to b = time to a + time from a to b', () => {
    for (const { start, durationMs } of cases) {
      // given
      const a = addBusinessTime({ start, durationMs: Math.floor(durationMs / 3), calendar });
      const b = new Date(a.getTime() + durationMs);
      // when / then
      expect(businessTimeBetween({ from: start, to: b, calendar })).toBe(
        businessTimeBetween({ from: start, to: a, calendar }) + businessTimeBetween({ from: a, to: b, calendar }),
      );
    }
  });
});
