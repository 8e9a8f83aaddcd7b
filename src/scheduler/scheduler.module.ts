// The background poller of every replica (due timers, incident retries).
import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { InstancesModule } from '../instances/instances.module';
import { DueWorkPoller } from './due-work-poller';

@Module({ imports: [InstancesModule, IncidentsModule], providers: [DueWorkPoller] })
export class SchedulerModule {}
