// The background poller of every replica for incident retries (due timers: src/timers/).
import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { DueWorkPoller } from './due-work-poller';

@Module({ imports: [IncidentsModule], providers: [DueWorkPoller] })
export class SchedulerModule {}
