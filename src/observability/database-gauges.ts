// Gauges read from the database at scrape time: the same in every worker and replica, so the cluster aggregation
// takes the maximum instead of the sum. Another feature adds its series here as one more entry.
import { Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';

interface DatabaseGauge {
  name: string;
  help: string;
  labelNames: string[];
  /** Rows of the label columns plus `value`. */
  sql: string;
}

export const DATABASE_GAUGES: DatabaseGauge[] = [
  {
    name: 'serviceflow_timers_due',
    help: 'Timers past their due time and not fired yet (the firing backlog), by timer kind',
    labelNames: ['kind'],
    sql: `SELECT timer_type AS kind, count(*)::float AS value FROM (SELECT timer_type, due_at FROM timers UNION ALL SELECT timer_type, due_at FROM start_timers) t WHERE due_at <= now() GROUP BY timer_type`,
  },
  {
    name: 'serviceflow_outbox_lag_seconds',
    help: 'Age of the oldest outbox event a relay (e.g. webhooks) has not passed yet; 0 when it is caught up',
    labelNames: ['relay'],
    sql: `SELECT c.name AS relay, COALESCE(EXTRACT(EPOCH FROM now() - min(o.created_at)), 0)::float AS value
            FROM outbox_cursors c LEFT JOIN outbox o ON o.id > c.last_id GROUP BY c.name`,
  },
  {
    name: 'serviceflow_incidents',
    help: 'Unresolved incidents by status (open: waits for a person; retrying: automatic retry pending)',
    labelNames: ['status'],
    sql: `SELECT status, count(*)::float AS value FROM incidents WHERE status <> 'resolved' GROUP BY status`,
  },
  // serviceflow_external_tasks{topic,state} lives with its feature (src/external-tasks/external-task-metrics.ts).
];

@Injectable()
export class DatabaseGauges {
  constructor(private readonly db: DataSource) {}

  register(registry: Registry): void {
    for (const { name, help, labelNames, sql } of DATABASE_GAUGES) {
      const db = this.db;
      new Gauge({
        name,
        help,
        labelNames,
        aggregator: 'max',
        registers: [registry],
        async collect() {
          this.reset(); // a label set that disappeared (no more due timers of a kind) must not linger
          const rows: Record<string, string | number>[] = await db.query(sql);
          for (const row of rows) {
            const labels = Object.fromEntries(labelNames.map((l) => [l, String(row[l])]));
            this.set(labels, Number(row.value));
          }
        },
      });
    }
  }
}
