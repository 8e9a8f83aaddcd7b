// A role's work slots: tasks start when a slot is free, wait first come first served, and the busy share is measured.
import { StaffPool, type SimTask } from './sim-staff';

const task = (id: string): SimTask => ({ instanceId: id, executionId: id, activityId: 'T', role: 'agent', createdAt: 0 });

describe('staff pool', () => {
  it('queues beyond its slots and hands a freed slot to the longest waiting task', () => {
    // given one person working on one task at a time
    const pool = new StaffPool('agent', 1, 0);
    const [a, b, c] = [task('a'), task('b'), task('c')];
    expect(pool.offer(a, 0)).toBe(true);
    expect(pool.offer(b, 10)).toBe(false);
    expect(pool.offer(c, 20)).toBe(false);
    // when c is cancelled while waiting and a ends
    expect(pool.release(c, 30)).toBeUndefined();
    // then b starts
    expect(pool.release(a, 40)).toBe(b);
    expect(b.startedAt).toBe(40);
    // and the slot was busy the whole time
    expect(pool.utilisation(0, 100)).toBe(1);
  });

  it('measures only from a reset', () => {
    const pool = new StaffPool('agent', 2, 0);
    const a = task('a');
    pool.offer(a, 0);
    pool.reset(50);
    pool.release(a, 75);
    expect(pool.utilisation(50, 150)).toBeCloseTo(25 / 200);
  });
});
