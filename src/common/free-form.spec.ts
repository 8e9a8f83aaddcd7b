// The validation pipe's transformer builds the DTO as class-transformer does, but hands free-form variables over as parsed.
import { Type } from 'class-transformer';
import { IsObject, IsString, ValidateNested } from 'class-validator';
import { freeFormTransformer, IsVariables } from './free-form';

class Dto {
  @IsString() name!: string;
  @IsVariables() variables?: Record<string, unknown>;
}

class Child extends Dto {}

class Nested {
  @IsString() x!: string;
}

/** Written without the mark, as an endpoint might be: a plain object rule is opaque data, a nested DTO is not. */
class Unmarked {
  @IsObject() data?: Record<string, unknown>;
  @IsObject() @ValidateNested() @Type(() => Nested) nested?: Nested;
}

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

  it('passes any object validated only as an object, and still builds nested DTOs', () => {
    const data = { a: 1 };
    const dto = freeFormTransformer.plainToInstance(Unmarked, { data, nested: { x: 'y' } }) as Unmarked;
    expect(dto.data).toBe(data);
    expect(dto.nested).toBeInstanceOf(Nested);
  });
});
