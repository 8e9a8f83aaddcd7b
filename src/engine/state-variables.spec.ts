// slimState keeps only each environment's difference from the variables column; fullState restores it exactly.
import { fullState, slimState } from './state-variables';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('state variables', () => {
  it('stores shared values once and restores every environment exactly, through JSON', () => {
    // given a state as getState() makes it: environments sharing the column's values, one with its own entries
    const blob = { text: 'x'.repeat(1000) };
    const column = { blob, n: 2, added: [1] };
    const state = {
      environment: { settings: {}, variables: {}, output: {} },
      definitions: [
        {
          environment: { settings: { a: 1 }, variables: { blob, n: 1 }, output: {} },
          execution: {
            processes: [
              {
                environment: { settings: {}, variables: { blob, n: 2, added: column.added, content: { id: 'x' } }, output: {} },
                // a running sub-process keeps an environment of its own further down
                execution: { children: [{ id: 'Sub', behaviour: { environment: { settings: {}, variables: { blob, n: 2, local: true }, output: {} } } }] },
              },
            ],
          },
        },
      ],
    };
    const expected = clone(state);
    // when it is slimmed, saved as JSON, loaded and restored
    slimState(state, column);
    const saved = JSON.stringify(state);
    const restored = fullState(JSON.parse(saved), clone(column));
    // then the large value is not in the saved state, and the restored state equals the original
    expect(saved).not.toContain('xxxxxxxxxx');
    expect(restored).toEqual(expected);
  });

  it('leaves a state saved before slimming as it is', () => {
    const old = { definitions: [{ environment: { variables: { a: 1 } }, execution: { processes: [{ environment: { variables: { a: 1, b: 2 } } }] } }] };
    expect(fullState(clone(old), { a: 1, b: 2 })).toEqual(old);
  });
});
