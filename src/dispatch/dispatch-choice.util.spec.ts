// chooseTechnician: skill, region, capacity, duty and load decide; the reason says why; nobody fits → null.
import { createBusinessCalendar } from '../sla/business-calendar';
import { ROUND_THE_CLOCK } from '../sla/business-calendar';
import { chooseTechnician, type RosterEntry } from './dispatch-choice.util';

const OFFICE = createBusinessCalendar({ id: 'office', name: 'office', timeZone: 'Asia/Shanghai' });
const calendars = new Map([['24x7', ROUND_THE_CLOCK], ['office', OFFICE]]);
// 2026-01-05 is a Monday; 12:00 UTC is 20:00 in Shanghai, after office hours.
const EVENING = new Date('2026-01-05T12:00:00Z');
const tech = (username: string, over: Partial<RosterEntry> = {}): RosterEntry => ({ username, skills: ['hardware'], regions: ['Shanghai'], calendar: '24x7', capacity: 3, openWork: 0, ...over });
const choose = (roster: RosterEntry[], priority = 'P2', faultType = 'hardware', region = 'shanghai') => chooseTechnician({ roster, faultType, region, priority, now: EVENING, calendars });

describe('chooseTechnician', () => {
  it('takes the free technician with the right skill and region', () => {
    // given
    const roster = [tech('busy', { capacity: 1, openWork: 1 }), tech('sw', { skills: ['software'] }), tech('bj', { regions: ['Beijing'] }), tech('free')];
    // when
    const choice = choose(roster);
    // then
    expect(choice.technician).toBe('free');
    expect(choice.considered.map((c) => c.excluded ?? 'ok')).toEqual(['full', 'skill', 'region', 'ok']);
    expect(choice.reason).toContain('free for a hardware fault in shanghai');
  });

  it('prefers the lighter share of capacity, then the name', () => {
    expect(choose([tech('a', { capacity: 2, openWork: 1 }), tech('b', { capacity: 4, openWork: 1 })]).technician).toBe('b');
    expect(choose([tech('b'), tech('a')]).technician).toBe('a');
  });

  it('refuses an off-duty technician for P1 but prefers on-duty ones and accepts off-duty for lower priorities', () => {
    const roster = [tech('office', { calendar: 'office' })];
    expect(choose(roster, 'P1').technician).toBeNull();
    expect(choose(roster, 'P1').considered[0].excluded).toBe('offDuty');
    expect(choose(roster, 'P3').technician).toBe('office');
    expect(choose([tech('office', { calendar: 'office' }), tech('night', { openWork: 2 })], 'P3').technician).toBe('night');
  });

  it('answers null with a readable reason when nobody fits', () => {
    expect(choose([]).reason).toContain('the roster is empty');
    const none = choose([tech('sw', { skills: ['software'] }), tech('x', { calendar: 'gone' })]);
    expect(none.technician).toBeNull();
    expect(none.reason).toBe('no technician available for a hardware fault in shanghai: 1 skill, 1 unknownCalendar');
  });
});
