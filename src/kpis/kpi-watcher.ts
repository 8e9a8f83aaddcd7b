// Threshold alerts: CSAT over the last KPI_CSAT_WINDOW below KPI_CSAT_MIN, backlog above KPI_BACKLOG_MAX. When an
// alert's state changes, one `kpi.threshold` event goes to supervisors on the live stream (and webhooks) through the
// outbox, in the transaction that records the new state: once across replicas.
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Duration } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { PollingLoop } from '../common/polling-loop';
import { AppConfig } from '../config/app-config';
import { OutboxRepository } from '../notifications/outbox.repository';
import { KpiAlertRepository } from './kpi-alert.repository';
import { KpiRepository } from './kpi.repository';
import { backlogFigure, csatFigure, type KpiFigure } from './kpi.util';

export interface KpiAlertCheck {
  kpi: 'csat' | 'backlog';
  figure: KpiFigure;
  threshold: number;
  breached: boolean;
}

@Injectable()
export class KpiWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('KpiWatcher');
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly kpis: KpiRepository,
    private readonly alerts: KpiAlertRepository,
    private readonly outbox: OutboxRepository,
  ) {
    this.loop = new PollingLoop(config.KPI_WATCH_MS, () => this.check().catch((err) => this.logger.error({ err }, 'KPI check failed')));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Evaluates both alerts now; returns the events it published (state changes only). */
  async check(): Promise<KpiAlertCheck[]> {
    const now = this.clock.now();
    const from = new Date(now.getTime() - Duration.fromISO(this.config.KPI_CSAT_WINDOW).toMillis());
    // Counted in the database: every replica checks every KPI_WATCH_MS, and loading each open request (as the
    // dashboard's full figures do) grew with the backlog.
    const counts = await this.kpis.alertCounts(from, now);
    const csat = csatFigure(counts.satisfied, counts.answered);
    const backlog = backlogFigure(counts.open);
    const checks: KpiAlertCheck[] = [
      { kpi: 'csat', figure: csat, threshold: this.config.KPI_CSAT_MIN, breached: csat.value !== null && csat.value < this.config.KPI_CSAT_MIN },
      { kpi: 'backlog', figure: backlog, threshold: this.config.KPI_BACKLOG_MAX, breached: (backlog.value ?? 0) > this.config.KPI_BACKLOG_MAX },
    ];
    const published: KpiAlertCheck[] = [];
    for (const c of checks) if (await this.publishIfChanged(c, now)) published.push(c);
    return published;
  }

  private publishIfChanged(c: KpiAlertCheck, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const last = await this.alerts.lock(em, c.kpi, now);
      if (!last || last.breached === c.breached) return false;
      await this.alerts.save(em, c.kpi, c.breached, c.figure.value, now);
      const detail = { kpi: c.kpi, state: c.breached ? 'breached' : 'recovered', value: c.figure.value, numerator: c.figure.numerator, denominator: c.figure.denominator, threshold: c.threshold, unit: c.figure.unit, roles: ['supervisor'] };
      const payload = { type: 'kpi.threshold', at: now.toISOString(), processInstanceId: null, businessKey: null, definitionKey: null, definitionVersion: null, activityId: null, activityName: null, detail };
      await this.outbox.append(em, [{ instanceId: null, type: 'kpi.threshold', roles: ['supervisor'], payload, at: now }]);
      return true;
    });
  }
}
