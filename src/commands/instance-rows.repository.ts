// The instance row as the command pipeline reads and writes it, in plain SQL on the command's connection (the hot path:
// one lock, one write per command, no entity metadata work).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';

const MUTABLE = 'status, state, variables, active_activity_ids, end_activity_id, cancel_reason, revision, updated_at, ended_at';

@Injectable()
export class InstanceRowRepository {
  /** Locks the row for the rest of the transaction: one command per instance at a time, on every replica. */
  async lock(em: EntityManager, id: string): Promise<ProcessInstanceEntity | null> {
    return (await this.lockProbing(em, id, [])).instance;
  }

  /** Locks the row and, in the same statement, evaluates each probe (a boolean SQL expression over $1 = the id). */
  async lockProbing(em: EntityManager, id: string, probes: { name: string; sql: string }[]): Promise<{ instance: ProcessInstanceEntity | null; holds: Set<string> }> {
    const columns = probes.map((p, i) => `, (${p.sql}) AS probe_${i}`).join('');
    const [row] = await em.query(`SELECT *${columns} FROM process_instances WHERE id = $1 FOR UPDATE`, [id]);
    return { instance: row ? toInstance(row) : null, holds: new Set(row ? probes.filter((_, i) => row[`probe_${i}`]).map((p) => p.name) : []) };
  }

  /**
   * A new row; a second active instance of the key with the same business key is a 409. That uniqueness lives in
   * active_business_keys (keyed by the business key: a sharded database checks it on one shard), in this transaction.
   */
  async insert(em: EntityManager, i: ProcessInstanceEntity): Promise<void> {
    if (i.businessKey !== null && i.status === 'active') {
      await em
        .query('INSERT INTO active_business_keys (business_key, definition_key, process_instance_id) VALUES ($1, $2, $3)', [i.businessKey, i.definitionKey, i.id])
        .catch((err) => rethrowDuplicate(err, i.definitionKey, i.businessKey));
    }
    await em
      .query(
        `INSERT INTO process_instances (id, definition_id, definition_key, definition_version, business_key, parent_instance_id, parent_execution_id, parent_activity_id, started_at, ${MUTABLE})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17, $18)`,
        [i.id, i.definitionId, i.definitionKey, i.definitionVersion, i.businessKey, i.parentInstanceId ?? null, i.parentExecutionId ?? null, i.parentActivityId ?? null, i.startedAt, ...mutable(i)],
      )
      .catch((err) => rethrowDuplicate(err, i.definitionKey, i.businessKey));
  }

  async save(em: EntityManager, i: ProcessInstanceEntity): Promise<void> {
    await em.query(`UPDATE process_instances SET (${MUTABLE}) = ($2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10) WHERE id = $1`, [i.id, ...mutable(i)]);
    // An instance that ended frees its business key (a no-op after the command that ended it).
    if (i.status !== 'active' && i.businessKey !== null) {
      await em.query('DELETE FROM active_business_keys WHERE business_key = $1 AND definition_key = $2 AND process_instance_id = $3', [i.businessKey, i.definitionKey, i.id]);
    }
  }
}

function mutable(i: ProcessInstanceEntity): unknown[] {
  return [i.status, i.state === null ? null : JSON.stringify(i.state), JSON.stringify(i.variables), i.activeActivityIds, i.endActivityId, i.cancelReason, i.revision, i.updatedAt, i.endedAt];
}

function toInstance(r: Record<string, any>): ProcessInstanceEntity {
  return {
    id: r.id,
    definitionId: r.definition_id,
    definitionKey: r.definition_key,
    definitionVersion: r.definition_version,
    businessKey: r.business_key,
    status: r.status,
    state: r.state,
    variables: r.variables,
    activeActivityIds: r.active_activity_ids,
    endActivityId: r.end_activity_id,
    cancelReason: r.cancel_reason,
    revision: r.revision,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
    parentInstanceId: r.parent_instance_id,
    parentExecutionId: r.parent_execution_id,
    parentActivityId: r.parent_activity_id,
  };
}

function rethrowDuplicate(err: unknown, key: string, businessKey: string | null): never {
  if ((err as { driverError?: { code?: string }; code?: string }).driverError?.code === '23505' || (err as { code?: string }).code === '23505') {
    throw new DomainError(ErrorCode.Conflict, `an active ${key} instance with business key "${businessKey}" already exists`);
  }
  throw err;
}
