// camunda:in / camunda:out mappings: which variables cross between parent and child, under what name.
import { mapVariables } from './variable-mapping.util';

describe('mapVariables', () => {
  const source = { device: 'printer', ticket: { id: 'T-1' }, secret: 'x' };

  it('maps source to target, and to the same name without a target', () => {
    expect(mapVariables({ mappings: [{ source: 'device', target: 'model' }, { source: 'ticket' }], source })).toEqual({ model: 'printer', ticket: { id: 'T-1' } });
  });

  it('variables="all" copies every variable; a missing source is left out', () => {
    expect(mapVariables({ mappings: [{ all: true }, { source: 'absent', target: 'x' }], source })).toEqual(source);
  });

  it('evaluates a FEEL sourceExpression and ignores anything that is not FEEL', () => {
    expect(mapVariables({ mappings: [{ sourceExpression: '=ticket.id', target: 'id' }, { sourceExpression: 'ticket.id', target: 'raw' }], source })).toEqual({ id: 'T-1' });
  });
});
