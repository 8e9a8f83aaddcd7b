// A whole-number query or path parameter within a range: one decorator for every numeric parameter, so that text
// like "1e20", "0x10" or 40 digits is a 400 naming the range instead of reaching PostgreSQL's int column as a 500.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';

/** The largest value of a PostgreSQL `int` column (versions, levels): the default upper bound. */
export const PG_INT_MAX = 2_147_483_647;

/** Only plain decimal digits become a number; anything else becomes NaN and fails with the range message. */
const toWholeNumber = ({ value }: { value: unknown }) => {
  if (value === undefined) return undefined; // absent: the property's default stays
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim()) ? Number(value) : Number.NaN;
};

export function IntParam(options: { min: number; max?: number; optional?: boolean; default?: number; description?: string }): PropertyDecorator {
  const { min, max = PG_INT_MAX, optional = true } = options;
  const message = `$property must be a whole number from ${min} to ${max}`;
  const doc = { type: Number, minimum: min, maximum: max, default: options.default, description: options.description };
  return applyDecorators(
    optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(optional ? [IsOptional()] : []),
    Transform(toWholeNumber),
    // One rule, so a wrong value gets one message rather than the same one from IsInt, Min and Max.
    ValidateBy({ name: 'intInRange', validator: { validate: (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, defaultMessage: () => message } }),
  );
}
