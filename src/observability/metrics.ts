// Prometheus metrics: process defaults, HTTP request durations by route and status, the database gauges and the
// product's own series (domain-metrics.ts); under the node cluster, /metrics answers for all workers together.
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import cluster from 'node:cluster';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { finalize, type Observable } from 'rxjs';
import { clusterMetrics, shareWithPrimary } from './cluster-metrics';
import { DatabaseGauges } from './database-gauges';
import { domainRegistry } from './domain-metrics';

@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(gauges: DatabaseGauges) {
    collectDefaultMetrics({ register: this.registry });
    gauges.register(this.registry);
    shareWithPrimary([this.registry, domainRegistry]);
  }

  /** The Prometheus text: of every worker when this is one of the cluster's, else of this process. */
  scrape(): Promise<string> {
    return cluster.isWorker ? clusterMetrics() : Registry.merge([this.registry, domainRegistry]).metrics();
  }
}

@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const end = this.metrics.httpDuration.startTimer({ method: req.method, route: (req.route as { path?: string })?.path ?? 'unknown' });
    return next.handle().pipe(finalize(() => end({ status: String(res.statusCode) })));
  }
}
