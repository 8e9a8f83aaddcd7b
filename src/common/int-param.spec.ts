// IntParam turns only plain decimal digits into numbers and refuses the rest with the range in the message.
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IntParam } from './int-param';

class Query {
  @IntParam({ min: 1, max: 100 }) n?: number;
}

const check = (n: unknown) => {
  const query = plainToInstance(Query, n === undefined ? {} : { n });
  return { n: query.n, errors: validateSync(query).flatMap((e) => Object.values(e.constraints ?? {})) };
};

describe('IntParam', () => {
  it('accepts whole numbers in range and an absent value', () => {
    expect(check('42')).toEqual({ n: 42, errors: [] });
    expect(check(undefined)).toEqual({ n: undefined, errors: [] });
  });

  it.each(['1e20', '0x10', '1.5', '', ' ', 'abc', '0', '101', '9'.repeat(40), '-1'])('refuses %p with the range', (value) => {
    expect(check(value).errors).toContain('n must be a whole number from 1 to 100');
  });
});
