// Quartz cron from Camunda 7 / Flowable timers → ISO cycles or standard cron.
import { convertQuartzCron, isQuartzCron } from './quartz-cron.util';

describe('Quartz cron conversion', () => {
  it.each([
    ['0 0 12 * * ?', { to: '0 0 12 * * *', kind: 'cron' }],
    ['0 0 12 ? * MON-FRI', { to: '0 0 12 * * MON-FRI', kind: 'cron' }],
    ['0 30 9 ? * 2-6', { to: '0 30 9 * * 1-5', kind: 'cron' }],
    ['0 0 8 ? * 1,7', { to: '0 0 8 * * 0,6', kind: 'cron' }],
    ['0 0 2 1 * ?', { to: '0 0 2 1 * *', kind: 'cron' }],
    ['0 0 12 * * ? *', { to: '0 0 12 * * *', kind: 'cron' }],
    ['0 0/5 * * * ?', { to: 'R/PT5M', kind: 'iso' }],
    ['0 */15 * * * ?', { to: 'R/PT15M', kind: 'iso' }],
    ['0 0 0/2 * * ?', { to: 'R/PT2H', kind: 'iso' }],
    ['0/30 * * * * ?', { to: 'R/PT30S', kind: 'iso' }],
  ])('%s → %j', (quartz, expected) => {
    expect(isQuartzCron(quartz)).toBe(true);
    expect(convertQuartzCron(quartz)).toEqual(expected);
  });

  it.each([
    ['0 0 12 L * ?', /L, W and #/],
    ['0 0 12 ? * 6#3', /L, W and #/],
    ['0 0 12 * * ? 2027', /year field/],
  ])('explains why %s cannot be converted', (quartz, problem) => {
    const result = convertQuartzCron(quartz);
    expect('problem' in result && result.problem).toMatch(problem);
  });

  it('tells Quartz from ISO and 5-field cron', () => {
    expect(isQuartzCron('R/PT1H')).toBe(false);
    expect(isQuartzCron('PT5M')).toBe(false);
    expect(isQuartzCron('0 12 * * *')).toBe(false);
  });
});
