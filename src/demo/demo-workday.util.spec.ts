// The simulated staff's working time: Mon–Fri 09:00–18:00 Asia/Shanghai; and the arrival rate's shape.
import { arrivalWeight, drawArrivals } from './demo-arrivals.util';
import { seededRandom } from './demo-random.util';
import { addWorkingTime, isWorkingTime, nextWorkingTime } from './demo-workday.util';

const at = (iso: string) => new Date(iso).getTime();
const HOUR = 3_600_000;

describe('demo working time', () => {
  it('is open on weekdays from 09:00 to 18:00 Shanghai time only', () => {
    expect(isWorkingTime(at('2026-01-05T01:00:00Z'))).toBe(true); // Monday 09:00
    expect(isWorkingTime(at('2026-01-05T00:59:00Z'))).toBe(false); // Monday 08:59
    expect(isWorkingTime(at('2026-01-05T10:00:00Z'))).toBe(false); // Monday 18:00
    expect(isWorkingTime(at('2026-01-10T03:00:00Z'))).toBe(false); // Saturday 11:00
  });

  it('moves to the next opening, over the weekend', () => {
    expect(nextWorkingTime(at('2026-01-09T11:00:00Z'))).toBe(at('2026-01-12T01:00:00Z')); // Friday 19:00 → Monday 09:00
    expect(nextWorkingTime(at('2026-01-05T03:00:00Z'))).toBe(at('2026-01-05T03:00:00Z')); // open: unchanged
  });

  it('adds working time across closing hours and weekends', () => {
    // Friday 17:00 + 2 h of work = Monday 10:00
    expect(addWorkingTime(at('2026-01-09T09:00:00Z'), 2 * HOUR)).toBe(at('2026-01-12T02:00:00Z'));
    // Tuesday 22:00 + 30 min = Wednesday 09:30
    expect(addWorkingTime(at('2026-01-06T14:00:00Z'), 0.5 * HOUR)).toBe(at('2026-01-07T01:30:00Z'));
  });

  it('draws most arrivals in weekday office hours, about perDay a weekday', () => {
    expect(arrivalWeight(at('2026-01-05T03:00:00Z'))).toBe(1);
    expect(arrivalWeight(at('2026-01-10T03:00:00Z'))).toBeLessThan(0.5);
    const weeks = 20;
    const arrivals = drawArrivals(seededRandom(1), at('2026-01-05T00:00:00Z') - 8 * HOUR, at('2026-01-05T00:00:00Z') - 8 * HOUR + weeks * 7 * 24 * HOUR, 10, 0);
    const weekday = arrivals.filter((a) => new Date(a.at + 8 * HOUR).getUTCDay() % 6 !== 0);
    expect(weekday.length / (weeks * 5)).toBeGreaterThan(9.3); // ≈ 10 a weekday
    expect(weekday.length / (weeks * 5)).toBeLessThan(10.7);
    expect(weekday.filter((a) => isWorkingTime(a.at)).length / weekday.length).toBeGreaterThan(0.78); // mostly in office hours
  });
});
