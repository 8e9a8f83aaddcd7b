// The validation pipe's transformer builds the DTO as class-transformer does, but hands free-form variables over as parsed.
import { IsString } from 'class-validator';
import { freeFormTransformer, IsVariables } from './free-form';

class Dto {
  @IsString() name!: string;
  @IsVariables() variables?: Record<string, unknown>;
}

class Child extends Dto {}

describe('freeFormTransformer', () => {
  it('passes the variables object through untouched (not walked, not copied) and builds the rest', () => {
    const variables = { a: { b: [1, 2] } };
    const dto = freeFormTransformer.plainToInstance(Dto, { name: 'x', variables }) as Dto;
    expect(dto).toBeInstanceOf(Dto);
    expect(dto.name).toBe('x');
    expect(dto.variables).toBe(variables);
  });

  it('finds the marks of a parent class, and leaves absent variables absent', () => {
    const variables = { k: 1 };
    expect((freeFormTransformer.plainToInstance(Child, { name: 'y', variables }) as Child).variables).toBe(variables);
    expect((freeFormTransformer.plainToInstance(Dto, { name: 'z' }) as Dto).variables).toBeUndefined();
  });
});
