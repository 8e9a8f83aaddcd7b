// Prometheus gauge of open external tasks by topic and state (available, locked, no_retries), read at scrape time.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock } from '../common/clock';
import { Metrics } from '../observability/metrics';
import { ExternalTaskRepository } from './external-task.repository';

@Injectable()
export class ExternalTaskMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly tasks: ExternalTaskRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const tasks = this.tasks;
    const clock = this.clock;
    new Gauge({
      name: 'serviceflow_external_tasks',
      help: 'Open external tasks by topic and state (available: fetchable or waiting for its retry timeout; locked; no_retries: behind an incident)',
      labelNames: ['topic', 'state'],
      // Read from the database: every worker reports the same figure, so the cluster aggregation takes the maximum.
      aggregator: 'max',
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        for (const row of await tasks.countByTopicAndState(clock.now())) this.set({ topic: row.topic, state: row.state }, row.count);
      },
    });
  }
}
