// The last known state of each KPI threshold alert, locked while one replica decides whether it changed.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

@Injectable()
export class KpiAlertRepository {
  /** The alert's row, locked; null when another replica holds it right now. */
  async lock(em: EntityManager, name: string, now: Date): Promise<{ breached: boolean } | null> {
    await em.query('INSERT INTO kpi_alerts (name, breached, value, changed_at) VALUES ($1, false, NULL, $2) ON CONFLICT (name) DO NOTHING', [name, now]);
    const rows: { breached: boolean }[] = await em.query('SELECT breached FROM kpi_alerts WHERE name = $1 FOR UPDATE SKIP LOCKED', [name]);
    return rows[0] ?? null;
  }

  async save(em: EntityManager, name: string, breached: boolean, value: number | null, now: Date): Promise<void> {
    await em.query('UPDATE kpi_alerts SET breached = $2, value = $3, changed_at = $4 WHERE name = $1', [name, breached, value, now]);
  }
}
