import { DomainError, ErrorCode } from '../common/domain-error';
import type { ExternalTaskEntity } from '../database/entities/external-task.entity';
import { heldBy } from './worker-lock.util';

const task = (changes: Partial<ExternalTaskEntity>) => ({ id: 't1', state: 'open', workerId: 'w1', lockExpirationTime: new Date(0), ...changes }) as ExternalTaskEntity;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as DomainError).code;
  }
};

describe('heldBy', () => {
  it('lets the worker holding the lock act, even after its lock expired when nobody took the task', () => {
    expect(codeOf(() => heldBy({ task: task({}), id: 't1', workerId: 'w1' }))).toBe('ok');
  });

  it('refuses another worker, an unlocked task and a finished one with 409, and an unknown id with 404', () => {
    expect(codeOf(() => heldBy({ task: task({ workerId: 'w2' }), id: 't1', workerId: 'w1' }))).toBe(ErrorCode.Conflict);
    expect(codeOf(() => heldBy({ task: task({ workerId: null }), id: 't1', workerId: 'w1' }))).toBe(ErrorCode.Conflict);
    expect(codeOf(() => heldBy({ task: task({ state: 'completed' }), id: 't1', workerId: 'w1' }))).toBe(ErrorCode.Conflict);
    expect(codeOf(() => heldBy({ task: null, id: 't1', workerId: 'w1' }))).toBe(ErrorCode.NotFound);
  });
});
