// Deferred writes: several statements become one, their parameters renumbered in order.
import { combineWrites, valuesOf } from './deferred-writes';

describe('combineWrites', () => {
  it('sends one write as it is and none as nothing', () => {
    expect(combineWrites([])).toBeNull();
    expect(combineWrites([{ sql: 'INSERT INTO a (x) VALUES ($1)', params: [1] }])).toEqual({ sql: 'INSERT INTO a (x) VALUES ($1)', params: [1] });
  });

  it('chains several as data-modifying CTEs, the last one outermost, renumbering parameters', () => {
    const out = combineWrites([
      { sql: 'INSERT INTO a (x, y) VALUES ($1, $2)', params: ['a1', 'a2'] },
      { sql: 'INSERT INTO b (x) VALUES ($1), ($2)', params: ['b1', 'b2'] },
      { sql: 'INSERT INTO c (x) VALUES ($1)', params: ['c1'] },
    ]);
    expect(out).toEqual({
      sql: 'WITH w0 AS (INSERT INTO a (x, y) VALUES ($1, $2)), w1 AS (INSERT INTO b (x) VALUES ($3), ($4)) INSERT INTO c (x) VALUES ($5)',
      params: ['a1', 'a2', 'b1', 'b2', 'c1'],
    });
  });
});

describe('valuesOf', () => {
  it('numbers the cells row by row with their casts', () => {
    expect(valuesOf([[1, 'x'], [2, 'y']], ['', '::jsonb'])).toEqual({ sql: '($1, $2::jsonb), ($3, $4::jsonb)', params: [1, 'x', 2, 'y'] });
    expect(valuesOf([[1]], [], 3)).toEqual({ sql: '($3)', params: [1] });
  });
});
