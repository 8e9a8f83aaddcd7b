// Feature: KPI read models over the live tables, reports, version comparison and threshold alerts.
import { Module } from '@nestjs/common';
import { InstancesModule } from '../instances/instances.module';
import { KpiAlertRepository } from './kpi-alert.repository';
import { KpiRepository } from './kpi.repository';
import { KpiWatcher } from './kpi-watcher';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

@Module({
  imports: [InstancesModule],
  controllers: [KpisController],
  providers: [KpiRepository, KpiAlertRepository, KpiWatcher, KpisService],
  exports: [KpiWatcher],
})
export class KpisModule {}
