// Feature: incidents — failed service tasks, automatic retries with backoff, manual retry and resolution; data incidents.
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { IncidentParticipant } from './incident-participant';
import { IncidentPolicy } from './incident-policy';
import { ExternalTasksModule } from '../external-tasks/external-tasks.module';
import { DataIncidents } from './data-incidents';
import { DataRetries } from './data-retries';
import { TimerDataIncidents } from './timer-data-incidents';
import { InstancesModule } from '../instances/instances.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { IncidentRetryService } from './incident-retry.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';
import { IncidentSearchRepository } from './incident-search.repository';

@Module({ imports: [InstancesModule, NotificationsModule, ExternalTasksModule, DefinitionsModule], controllers: [IncidentsController], providers: [IncidentsService, IncidentRetryService, IncidentPolicy, IncidentParticipant, DataIncidents, DataRetries, TimerDataIncidents, IncidentSearchRepository], exports: [IncidentRetryService, DataIncidents, IncidentsService] })
export class IncidentsModule {}
