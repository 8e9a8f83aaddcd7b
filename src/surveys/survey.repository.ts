// Survey rows and their token hashes: written in the survey instance's command transaction, read by the public page.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { SurveyEntity, type SurveyStatus } from '../database/entities/survey.entity';
import { rowWhere, type RowKey } from '../common/row-id';

export interface SurveyListFilter {
  status?: SurveyStatus;
  sourceInstanceId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class SurveyRepository {
  constructor(private readonly db: DataSource) {}

  /** False when a survey of that resolution exists already. */
  async insert(em: EntityManager, row: SurveyEntity): Promise<boolean> {
    try {
      await em.query('SAVEPOINT survey_insert');
      // One survey per resolution: checked by survey_resolutions, keyed by the resolution (one shard under Citus).
      await em.query('INSERT INTO survey_resolutions (resolution_key, survey_id) VALUES ($1, $2)', [row.resolutionKey, row.id]);
      await em.getRepository(SurveyEntity).insert(row);
      await em.query('RELEASE SAVEPOINT survey_insert');
      return true;
    } catch (err) {
      if (!(err instanceof QueryFailedError && (err as any).driverError?.code === '23505')) throw err;
      await em.query('ROLLBACK TO SAVEPOINT survey_insert');
      return false;
    }
  }

  async update(em: EntityManager, row: RowKey, changes: Partial<SurveyEntity>): Promise<void> {
    await em.getRepository(SurveyEntity).update(rowWhere(row), changes);
  }

  /** A link token made when the message is sent (outside the survey's command): only its hash is stored. False: no such survey. */
  async addToken(token: { tokenHash: string; surveyId: string; kind: string; issuedAt: Date; expiresAt: Date }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO survey_tokens (token_hash, survey_id, instance_id, kind, issued_at, expires_at)
       SELECT $1, s.id, s.id, $3, $4, $5 FROM surveys s WHERE s.id::text = $2 RETURNING token_hash`,
      [token.tokenHash, token.surveyId, token.kind, token.issuedAt, token.expiresAt],
    );
    return rows.length > 0;
  }

  /** Deletes link tokens that expired before `before`; returns how many. */
  async pruneExpiredTokens(before: Date): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM survey_tokens WHERE expires_at < $1`, [before]);
    return Number(count ?? 0);
  }

  async findByTokenHash(hash: string): Promise<SurveyEntity | null> {
    const rows: { survey_id: string }[] = await this.db.query('SELECT survey_id FROM survey_tokens WHERE token_hash = $1', [hash]);
    return rows[0] ? this.db.getRepository(SurveyEntity).findOneBy({ id: rows[0].survey_id }) : null;
  }

  lockIn(em: EntityManager, instanceId: string, id: string): Promise<SurveyEntity | null> {
    return em.getRepository(SurveyEntity).findOne({ where: { instanceId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<SurveyEntity | null> {
    return this.db.getRepository(SurveyEntity).findOneBy({ id });
  }

  async list(filter: SurveyListFilter): Promise<{ items: SurveyEntity[]; total: number }> {
    const where: { status?: SurveyStatus; sourceInstanceId?: string } = {};
    if (filter.status) where.status = filter.status;
    if (filter.sourceInstanceId) where.sourceInstanceId = filter.sourceInstanceId;
    const [items, total] = await this.db.getRepository(SurveyEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: filter.limit, skip: filter.offset });
    return { items, total };
  }

  /** The complaint instances service recovery opened for these surveys (linked by the complaint's recoverySurveyId). */
  async recoveryComplaints(surveyIds: string[]): Promise<Map<string, string>> {
    if (!surveyIds.length) return new Map();
    const rows: { id: string; survey_id: string }[] = await this.db.query(
      `SELECT id, variables->>'recoverySurveyId' AS survey_id FROM process_instances
       WHERE definition_key = 'complaint-escalation' AND variables->>'recoverySurveyId' = ANY($1::text[])`,
      [surveyIds],
    );
    return new Map(rows.map((r) => [r.survey_id, r.id]));
  }
}
