// Health check and Prometheus metrics.
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { Metrics, MetricsInterceptor } from './metrics';
import { DatabaseGauges } from './database-gauges';
import { MetricsController } from './metrics.controller';
import { MigrationsHealth } from './migrations.health';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController, MetricsController],
  providers: [Metrics, DatabaseGauges, MigrationsHealth, { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor }],
  exports: [Metrics],
})
export class ObservabilityModule {}
