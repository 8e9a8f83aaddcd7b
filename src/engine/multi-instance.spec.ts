// Multi-instance collections in the Camunda dialect and the loop variables of completion conditions.
import { collectionAsFeel, loopVariables } from './multi-instance';

describe('collectionAsFeel', () => {
  it.each([
    ['devices', '=devices'],
    ['${order.items}', '=order.items'],
    ['#{items}', '=items'],
    ['=items[1..2]', '=items[1..2]'],
  ])('%s → %s', (input, expected) => expect(collectionAsFeel(input)).toBe(expected));

  it('refuses what is neither a path nor FEEL', () => {
    expect(collectionAsFeel('${items.stream()}')).toBeNull();
    expect(collectionAsFeel(42)).toBeNull();
  });
});

describe('loopVariables', () => {
  it("counts completed iterations from the loop output, as Camunda's nrOf… variables", () => {
    const context = { content: { loopCardinality: 3, index: 1, loopOutput: [{}, undefined, {}] } };
    expect(loopVariables(context)).toEqual({ nrOfInstances: 3, nrOfCompletedInstances: 2, nrOfActiveInstances: 1, loopCounter: 1 });
  });

  it('gives nothing outside a loop', () => {
    expect(loopVariables({ content: {} })).toEqual({});
  });
});
