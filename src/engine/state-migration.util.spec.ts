import { rewriteStateIds } from './state-migration.util';

describe('rewriteStateIds', () => {
  const state = {
    definitions: [{ id: 'Defs', execution: { processes: [{ id: 'p', execution: { children: [{ id: 'Task_B', executionId: 'Task_B_1a2b', parent: { id: 'p' } }, { id: 'Timer_B', attachedTo: 'Task_B', executionId: 'Timer_B_9' }], flows: [{ id: 'F2', targetId: 'Task_B', sourceId: 'Task_A' }] } }] } }],
  };

  it('renames element references and keeps execution ids', () => {
    // when
    const out = rewriteStateIds({ state, mapping: { Task_B: 'Task_C', Timer_B: 'Timer_C', Task_A: 'Task_A' } }) as typeof state;
    // then
    const { children, flows } = out.definitions[0].execution.processes[0].execution;
    expect(children).toEqual([{ id: 'Task_C', executionId: 'Task_B_1a2b', parent: { id: 'p' } }, { id: 'Timer_C', attachedTo: 'Task_C', executionId: 'Timer_B_9' }]);
    expect(flows).toEqual([{ id: 'F2', targetId: 'Task_C', sourceId: 'Task_A' }]);
    expect(state.definitions[0].execution.processes[0].execution.children[0].id).toBe('Task_B'); // the input is left alone
  });

  it('returns the state itself when nothing is renamed', () => {
    expect(rewriteStateIds({ state, mapping: { Task_A: 'Task_A' } })).toBe(state);
  });
});
