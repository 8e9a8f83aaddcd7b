// Pagination query (capped) and the paged response shape shared by list endpoints.
import { IntParam } from './int-param';

export class PageQueryDto {
  @IntParam({ min: 1, max: 200, default: 50 }) limit = 50;
  @IntParam({ min: 0, max: 1_000_000, default: 0 }) offset = 0;
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
