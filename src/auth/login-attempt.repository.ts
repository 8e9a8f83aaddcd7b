// Counts sign-in attempts per key in one fixed window each, shared by every worker and replica (PostgreSQL).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AttemptCount {
  attempts: number;
  windowStartedAt: Date;
}

@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Counts one attempt and returns the count of the current window. One UPSERT: concurrent attempts on the same key
   * queue on its row, so none is lost; a window older than `windowMs` starts again at 1.
   */
  async count(key: string, now: Date, windowMs: number): Promise<AttemptCount> {
    const rows: { attempts: number; window_started_at: Date }[] = await this.db.query(
      `INSERT INTO login_attempts AS a (key, window_started_at, attempts) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN a.window_started_at <= $2::timestamptz - make_interval(secs => $3 / 1000.0) THEN 1 ELSE a.attempts + 1 END,
         window_started_at = CASE WHEN a.window_started_at <= $2::timestamptz - make_interval(secs => $3 / 1000.0) THEN $2 ELSE a.window_started_at END
       RETURNING attempts, window_started_at`,
      [key, now, windowMs],
    );
    return { attempts: rows[0].attempts, windowStartedAt: rows[0].window_started_at };
  }

  /** Drops windows that ended before `before` (they would start again at 1 anyway). */
  async purge(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE window_started_at < $1`, [before]);
  }
}
