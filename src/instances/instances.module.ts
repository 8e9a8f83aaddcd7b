// Feature: process instances — start, query, cancel; child instances, history and the no-stuck check in every command.
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { ExternalTaskRepository } from '../external-tasks/external-task.repository';
import { IncidentRepository } from '../incidents/incident.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { TaskRepository } from '../tasks/task.repository';
import { StuckInstancesController } from './backing/stuck-instances.controller';
import { StuckInstancesService } from './backing/stuck-instances.service';
import { ConditionalBacker } from './backing/conditional-backer';
import { TokenBackers } from './backing/token-backers';
import { BackingParticipant } from './backing/backing-participant';
import { HistoryParticipant } from './history-participant';
import { CallActivities } from './call-activities';
import { CallEvents } from './call-events';
import { CallIncidents } from './call-incidents';
import { EventStarts } from './event-starts';
import { HistoryRepository } from './history.repository';
import { InstanceRepository } from './instance.repository';
import { InstanceSearchRepository } from './instance-search.repository';
import { InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';
import { SignalRepository } from './signal.repository';
import { SubscriptionRepository } from './subscription.repository';

@Module({
  imports: [DefinitionsModule],
  controllers: [InstancesController, StuckInstancesController],
  providers: [InstanceRepository, InstanceSearchRepository, ExternalTaskRepository, IncidentRepository, OutboxRepository, TaskRepository, HistoryRepository, SubscriptionRepository, SignalRepository, TokenBackers, ConditionalBacker, StuckInstancesService, CallEvents, EventStarts, CallActivities, CallIncidents, InstancesService, HistoryParticipant, BackingParticipant],
  exports: [CallIncidents, EventStarts, InstanceRepository, ExternalTaskRepository, SignalRepository, TokenBackers, HistoryRepository, OutboxRepository, IncidentRepository, TaskRepository, SubscriptionRepository],
})
export class InstancesModule {}
