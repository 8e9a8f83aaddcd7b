import { fromTypedVariables, toTypedVariables } from './camunda-variables.util';

describe('Camunda typed variables', () => {
  it('types our values as Camunda does', () => {
    // given
    const variables = { name: '王芳', ok: true, n: 3, big: 2 ** 40, ratio: 0.5, none: null, device: { model: 'AC-3000' } };
    // when
    const typed = toTypedVariables({ variables });
    // then
    expect(typed).toEqual({
      name: { value: '王芳', type: 'String', valueInfo: {} },
      ok: { value: true, type: 'Boolean', valueInfo: {} },
      n: { value: 3, type: 'Integer', valueInfo: {} },
      big: { value: 2 ** 40, type: 'Long', valueInfo: {} },
      ratio: { value: 0.5, type: 'Double', valueInfo: {} },
      none: { value: null, type: 'Null', valueInfo: {} },
      device: { value: '{"model":"AC-3000"}', type: 'Json', valueInfo: {} },
    });
  });

  it('returns only the variables asked for', () => {
    expect(Object.keys(toTypedVariables({ variables: { a: 1, b: 2 }, names: ['b', 'missing'] }))).toEqual(['b']);
  });

  it('reads a worker’s typed values back', () => {
    const { values, errors } = fromTypedVariables({ amount: { value: '12', type: 'Long' }, ok: { value: 'true', type: 'Boolean' }, doc: { value: '{"a":[1]}', type: 'Json' }, raw: { value: { b: 2 } } });
    expect(errors).toEqual([]);
    expect(values).toEqual({ amount: 12, ok: true, doc: { a: [1] }, raw: { b: 2 } });
  });

  it('lists each bad variable', () => {
    const { errors } = fromTypedVariables({ a: 5, b: { value: 'x', type: 'Integer' }, c: { value: 'aced00', type: 'Object' }, d: { value: '{', type: 'Json' } });
    expect(errors.map((e) => e.field)).toEqual(['variables.a', 'variables.b', 'variables.c', 'variables.d']);
  });
});
