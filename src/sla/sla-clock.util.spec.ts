// Unit specs of the pausable SLA clock: due date, elapsed/remaining time, breach and warning instants.
import { DEFAULT_CALENDAR, ROUND_THE_CLOCK } from './business-calendar';
import { businessTimeBetween } from './business-time.util';
import { type SlaPause, computeDueAt, normalizePauses, warningTimes } from './sla-clock.util';

const HOUR = 3_600_000;
const sh = (local: string) => new Date(`${local}:00+08:00`);
const calendar = DEFAULT_CALENDAR;
const friday4h = { startedAt: sh('2026-03-06T16:00'), targetMs: 4 * HOUR, calendar };

describe('computeDueAt', () => {
  it('counts working time only: 4 h from Friday 16:00 is due Monday 11:00', () => {
    // given / when
    const state = computeDueAt({ ...friday4h, pauses: [], now: sh('2026-03-07T12:00') });
    // then
    expect(state).toEqual({ dueAt: sh('2026-03-09T11:00'), elapsedMs: 2 * HOUR, remainingMs: 2 * HOUR, paused: false, breached: false, percentUsed: 50 });
  });

  it('is breached from the due instant on, with negative remaining time and more than 100 % used', () => {
    // given / when
    const atDue = computeDueAt({ ...friday4h, pauses: [], now: sh('2026-03-09T11:00') });
    const later = computeDueAt({ ...friday4h, pauses: [], now: sh('2026-03-09T12:00') });
    const before = computeDueAt({ ...friday4h, pauses: [], now: sh('2026-03-09T10:59') });
    // then
    expect(atDue).toMatchObject({ breached: true, remainingMs: 0, percentUsed: 100 });
    expect(later).toMatchObject({ breached: true, remainingMs: -HOUR, percentUsed: 125, dueAt: sh('2026-03-09T11:00') });
    expect(before.breached).toBe(false);
  });

  it('moves the due date later by exactly the paused working time', () => {
    // given: 16 h target from Monday 09:00 is due Tuesday 16:00; a pause Monday 17:00 → Tuesday 10:00 holds 2 working hours
    const start = { startedAt: sh('2026-03-09T09:00'), targetMs: 16 * HOUR, calendar };
    const pause: SlaPause = { from: sh('2026-03-09T17:00'), to: sh('2026-03-10T10:00') };
    // when
    const without = computeDueAt({ ...start, pauses: [], now: sh('2026-03-10T12:00') });
    const withPause = computeDueAt({ ...start, pauses: [pause], now: sh('2026-03-10T12:00') });
    // then
    expect(without.dueAt).toEqual(sh('2026-03-10T16:00'));
    expect(withPause.dueAt).toEqual(sh('2026-03-10T18:00'));
    expect(withPause.dueAt!.getTime() - without.dueAt!.getTime()).toBe(businessTimeBetween({ ...pause, to: pause.to!, calendar }));
    expect(withPause).toMatchObject({ elapsedMs: 10 * HOUR, remainingMs: 6 * HOUR, paused: false, breached: false });
  });

  it('moves nothing for a pause entirely outside working hours', () => {
    // given: paused over the weekend
    const pauses = [{ from: sh('2026-03-06T19:00'), to: sh('2026-03-09T08:30') }];
    // when
    const state = computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T10:00') });
    // then
    expect(state).toMatchObject({ dueAt: sh('2026-03-09T11:00'), elapsedMs: 3 * HOUR, paused: false });
  });

  it('has no due date while paused, freezes elapsed time, and resumes with the due date shifted', () => {
    // given: paused on Monday 10:00 waiting for spare parts (3 of 4 h used)
    const open = [{ from: sh('2026-03-09T10:00'), to: null }];
    // when
    const paused = computeDueAt({ ...friday4h, pauses: open, now: sh('2026-03-09T15:00') });
    const stillPaused = computeDueAt({ ...friday4h, pauses: open, now: sh('2026-03-12T15:00') });
    const resumed = computeDueAt({ ...friday4h, pauses: [{ from: sh('2026-03-09T10:00'), to: sh('2026-03-10T14:00') }], now: sh('2026-03-10T14:30') });
    // then
    expect(paused).toEqual({ dueAt: null, elapsedMs: 3 * HOUR, remainingMs: HOUR, paused: true, breached: false, percentUsed: 75 });
    expect(stillPaused).toEqual(paused);
    expect(resumed).toMatchObject({ dueAt: sh('2026-03-10T15:00'), elapsedMs: 3.5 * HOUR, paused: false });
  });

  it('treats a pause that ends after now as still running', () => {
    // given
    const pauses = [{ from: sh('2026-03-09T10:00'), to: sh('2026-03-09T16:00') }];
    // when
    const state = computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T12:00') });
    // then
    expect(state).toMatchObject({ dueAt: null, paused: true, elapsedMs: 3 * HOUR });
  });

  it('counts overlapping pauses once and ignores pause time before the start', () => {
    // given
    const pauses = [
      { from: sh('2026-03-09T10:00'), to: sh('2026-03-09T11:00') },
      { from: sh('2026-03-09T09:30'), to: sh('2026-03-09T10:30') },
      { from: sh('2026-03-06T12:00'), to: sh('2026-03-06T17:00') },
    ];
    // when
    const state = computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T12:00') });
    // then: Friday 16:00–17:00 and Monday 09:30–11:00 are paused, so 1 h + 0.5 h + 1 h counted by noon
    expect(state).toMatchObject({ dueAt: sh('2026-03-09T13:30'), elapsedMs: 2.5 * HOUR, paused: false });
  });

  it('keeps the past due date of a breached clock even while paused', () => {
    // given
    const pauses = [{ from: sh('2026-03-09T14:00'), to: null }];
    // when
    const state = computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T16:00') });
    // then
    expect(state).toMatchObject({ dueAt: sh('2026-03-09T11:00'), elapsedMs: 7 * HOUR, paused: true, breached: true });
  });

  it('is due at the start for a zero target', () => {
    // given / when
    const state = computeDueAt({ ...friday4h, targetMs: 0, pauses: [], now: sh('2026-03-06T16:00') });
    const notStarted = computeDueAt({ ...friday4h, targetMs: 0, pauses: [], now: sh('2026-03-06T15:00') });
    // then
    expect(state).toMatchObject({ dueAt: sh('2026-03-06T16:00'), breached: true, percentUsed: 100, remainingMs: 0 });
    expect(notStarted).toMatchObject({ breached: false, percentUsed: 0, elapsedMs: 0 });
  });

  it('uses plain arithmetic round the clock', () => {
    // given
    const startedAt = new Date('2026-03-07T00:00:00Z');
    const pauses = [{ from: new Date('2026-03-07T00:10:00Z'), to: new Date('2026-03-07T00:40:00Z') }];
    // when
    const state = computeDueAt({ startedAt, targetMs: HOUR, calendar: ROUND_THE_CLOCK, pauses, now: new Date('2026-03-07T01:00:00Z') });
    // then
    expect(state).toEqual({ dueAt: new Date('2026-03-07T01:30:00Z'), elapsedMs: 30 * 60_000, remainingMs: 30 * 60_000, paused: false, breached: false, percentUsed: 50 });
  });

  it('rejects a negative target and a pause that ends before it starts, and leaves its input alone', () => {
    // given
    const pauses = [{ from: sh('2026-03-09T11:00'), to: sh('2026-03-09T10:00') }];
    const good = [{ from: sh('2026-03-09T11:00'), to: null }];
    const copy = structuredClone(good);
    // when / then
    expect(() => computeDueAt({ ...friday4h, targetMs: -1, pauses: [], now: sh('2026-03-09T12:00') })).toThrow(RangeError);
    expect(() => computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T12:00') })).toThrow('pauses[0] ends before it starts');
    computeDueAt({ ...friday4h, pauses: good, now: sh('2026-03-09T12:00') });
    expect(good).toEqual(copy);
  });
});

describe('warningTimes', () => {
  it('gives the instants at which 50 % and 75 % of the target are used', () => {
    // given / when
    const warnings = warningTimes({ ...friday4h, pauses: [], percentages: [50, 75] });
    // then: 2 h are used at Friday's closing, 3 h on Monday 10:00
    expect(warnings).toEqual([
      { percent: 50, at: sh('2026-03-06T18:00') },
      { percent: 75, at: sh('2026-03-09T10:00') },
    ]);
  });

  it('defaults to 50 and 75 %, shifts with closed pauses, and agrees with the due date at 100 %', () => {
    // given
    const pauses = [{ from: sh('2026-03-09T09:00'), to: sh('2026-03-09T10:30') }];
    // when
    const warnings = warningTimes({ ...friday4h, pauses });
    const [full] = warningTimes({ ...friday4h, pauses, percentages: [100] });
    // then
    expect(warnings.map((w) => w.at)).toEqual([sh('2026-03-06T18:00'), sh('2026-03-09T11:30')]);
    expect(full.at).toEqual(computeDueAt({ ...friday4h, pauses, now: sh('2026-03-09T12:00') }).dueAt);
  });

  it('cannot know the instants after an open pause begins', () => {
    // given
    const pauses = [{ from: sh('2026-03-09T09:30'), to: null }];
    // when
    const warnings = warningTimes({ ...friday4h, pauses, percentages: [50, 75, 150] });
    // then
    expect(warnings).toEqual([
      { percent: 50, at: sh('2026-03-06T18:00') },
      { percent: 75, at: null },
      { percent: 150, at: null },
    ]);
  });
});

describe('normalizePauses', () => {
  it('clips, sorts and merges, and opens a pause still running at the cut-off', () => {
    // given
    const startedAt = sh('2026-03-09T09:00');
    const pauses = [
      { from: sh('2026-03-09T14:00'), to: sh('2026-03-09T18:00') },
      { from: sh('2026-03-09T08:00'), to: sh('2026-03-09T10:00') },
      { from: sh('2026-03-09T09:30'), to: sh('2026-03-09T11:00') },
      { from: sh('2026-03-09T17:00'), to: null },
    ];
    // when
    const normalized = normalizePauses({ startedAt, pauses, until: sh('2026-03-09T16:00') });
    // then
    expect(normalized).toEqual([
      { from: sh('2026-03-09T09:00'), to: sh('2026-03-09T11:00') },
      { from: sh('2026-03-09T14:00'), to: null },
    ]);
  });
});
