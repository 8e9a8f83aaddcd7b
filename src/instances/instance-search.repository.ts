// The instances list with search: process, status and business key as before, plus business fields (customer, phone,
// device, serial: substring, trigram-indexed) and variable equality (`variables @> {...}`, GIN-indexed).
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { ProcessInstanceEntity, type InstanceStatus } from '../database/entities/process-instance.entity';
import { INSTANCE_SEARCH_FIELDS, searchTerm, type InstanceSearchField } from './instance-search-fields';

export interface InstanceSearch {
  definitionKey?: string;
  status?: InstanceStatus;
  businessKey?: string;
  fields?: Partial<Record<InstanceSearchField, string>>;
  /** name → value; a value that reads as a number or boolean also matches that typed value. */
  variables?: [string, string][];
  limit: number;
  offset: number;
}

const LIST_COLUMNS = ['id', 'definitionId', 'definitionKey', 'definitionVersion', 'businessKey', 'status', 'activeActivityIds', 'endActivityId', 'startedAt', 'updatedAt', 'endedAt'];

function typedAlternatives(value: string): unknown[] {
  const out: unknown[] = [value];
  if (value === 'true' || value === 'false') out.push(value === 'true');
  else if (value.trim() !== '' && Number.isFinite(Number(value))) out.push(Number(value));
  return out;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class InstanceSearchRepository {
  constructor(private readonly db: DataSource) {}

  async list(f: InstanceSearch): Promise<{ items: ProcessInstanceEntity[]; total: number }> {
    const [items, total] = await this.query(f)
      .select(LIST_COLUMNS.map((c) => `i.${c}`))
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .take(f.limit)
      .skip(f.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** The filtered query (exposed for the benchmark's EXPLAIN). */
  query(f: InstanceSearch): SelectQueryBuilder<ProcessInstanceEntity> {
    const q = this.db.getRepository(ProcessInstanceEntity).createQueryBuilder('i');
    if (f.definitionKey) q.andWhere('i.definition_key = :definitionKey', { definitionKey: f.definitionKey });
    if (f.status) q.andWhere('i.status = :status', { status: f.status });
    if (f.businessKey) q.andWhere('i.business_key = :businessKey', { businessKey: f.businessKey });
    for (const [field, text] of Object.entries(f.fields ?? {}) as [InstanceSearchField, string][]) {
      // The indexed expression names `variables` bare; qualify it for this query.
      const expression = INSTANCE_SEARCH_FIELDS[field].replace(/variables->>/g, 'i.variables->>');
      q.andWhere(`${expression} LIKE :${field}`, { [field]: `%${escapeLike(searchTerm(field, text))}%` });
    }
    (f.variables ?? []).forEach(([name, value], n) => {
      q.andWhere(
        new Brackets((b) => typedAlternatives(value).forEach((v, k) => b.orWhere(`i.variables @> :v${n}_${k}::jsonb`, { [`v${n}_${k}`]: JSON.stringify({ [name]: v }) }))),
      );
    });
    return q;
  }
}
