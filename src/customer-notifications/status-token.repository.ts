// Status-page tokens: created per notification sent, found by hash; a token names one instance and nothing else.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StatusToken {
  instanceId: string;
  language: string;
  expiresAt: Date;
}

@Injectable()
export class StatusTokenRepository {
  constructor(private readonly db: DataSource) {}

  async add(hash: string, token: StatusToken, now: Date): Promise<void> {
    await this.db.query(`INSERT INTO status_tokens (token_hash, instance_id, language, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [hash, token.instanceId, token.language, now, token.expiresAt]);
  }

  async find(hash: string): Promise<StatusToken | null> {
    const rows = await this.db.query(`SELECT instance_id AS "instanceId", language, expires_at AS "expiresAt" FROM status_tokens WHERE token_hash = $1`, [hash]);
    return rows[0] ?? null;
  }

  /** Deletes tokens that expired before `before`; returns how many. */
  async pruneExpired(before: Date): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM status_tokens WHERE expires_at < $1`, [before]);
    return Number(count ?? 0);
  }

  async optOut(instanceId: string, now: Date): Promise<void> {
    await this.db.query(`INSERT INTO customer_opt_outs (instance_id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [instanceId, now]);
  }

  async optedOut(instanceId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM customer_opt_outs WHERE instance_id = $1`, [instanceId]);
    return rows.length > 0;
  }
}
