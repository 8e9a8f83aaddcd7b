// The demo desk's people: one task per person at a time, first come first served, and no wait without a limit.
import { DemoDesk } from './demo-desk';

describe('demo desk', () => {
  it('starts work while a person of the role is free, then in order of arrival as people finish', () => {
    // given a desk with two agents
    const desk = new DemoDesk({ agent: 2 });
    const started: string[] = [];
    const work = (name: string, alive = true) => () => (started.push(name), alive);
    // when four tasks arrive
    ['a', 'b', 'c', 'd'].forEach((n) => desk.take('agent', work(n)));
    // then two start and the others wait
    expect(started).toEqual(['a', 'b']);
    desk.release('agent');
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('skips work that is gone meanwhile and keeps the person free', () => {
    const desk = new DemoDesk({ agent: 1 });
    const started: string[] = [];
    desk.take('agent', () => (started.push('a'), true));
    desk.take('agent', () => (started.push('gone'), false));
    desk.release('agent'); // the cancelled task is skipped: the agent is free again
    desk.take('agent', () => (started.push('c'), true));
    expect(started).toEqual(['a', 'gone', 'c']);
  });

  it('never keeps work waiting without a limit, or for a role it does not limit', () => {
    const started: string[] = [];
    const unlimited = new DemoDesk(null);
    for (let i = 0; i < 5; i++) unlimited.take('agent', () => (started.push(`u${i}`), true));
    const limited = new DemoDesk({ agent: 1 });
    for (let i = 0; i < 3; i++) limited.take('manager', () => (started.push(`m${i}`), true));
    expect(started).toHaveLength(8);
  });
});
