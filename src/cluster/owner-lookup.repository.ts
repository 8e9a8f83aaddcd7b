// The instance a request's task, external task or incident belongs to, for routing it to the instance's owner worker.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type OwnedRow = 'task' | 'externalTask' | 'incident';

const QUERIES: Record<OwnedRow, string> = {
  task: 'SELECT instance_id FROM tasks WHERE id = $1',
  externalTask: 'SELECT instance_id FROM external_tasks WHERE id = $1',
  incident: 'SELECT instance_id FROM incidents WHERE id = $1',
};

@Injectable()
export class OwnerLookupRepository {
  constructor(private readonly db: DataSource) {}

  /** The row's instance id, or null when there is no such row (the request then runs here and answers 404). */
  async instanceOf(kind: OwnedRow, id: string): Promise<string | null> {
    const [row] = await this.db.query(QUERIES[kind], [id]);
    return (row?.instance_id as string | undefined) ?? null;
  }
}
