// Pagination query (capped) and the paged response shape shared by list endpoints.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The page answer of a list endpoint, mapping each row for the response. */
export function toPage<Row, Out>(result: { items: Row[]; total: number }, query: PageQueryDto, map: (row: Row) => Out): Page<Out> {
  return { items: result.items.map(map), total: result.total, limit: query.limit, offset: query.offset };
}
