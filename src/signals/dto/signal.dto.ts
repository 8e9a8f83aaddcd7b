// Request shape of a signal broadcast, as Camunda 7's POST /signal: a name and typed variables ({ value, type }).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class SignalDto {
  @ApiProperty({ example: 'productRecall' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { model: { value: 'X200', type: 'String' } } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

/** Camunda's typed variables ({ value, type }) as plain values; a plain value is kept as it is. */
export function plainVariables(variables: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables ?? {}).map(([k, v]) => [k, v !== null && typeof v === 'object' && 'value' in (v as object) ? (v as { value: unknown }).value : v]),
  );
}
