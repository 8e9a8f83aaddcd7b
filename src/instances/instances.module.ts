// Feature: process instances — start, query, cancel, the transactional command service, timers and their poller.
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { ExternalTaskRepository } from '../external-tasks/external-task.repository';
import { IncidentRepository } from '../incidents/incident.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { TaskRepository } from '../tasks/task.repository';
import { StuckInstancesController } from './backing/stuck-instances.controller';
import { StuckInstancesService } from './backing/stuck-instances.service';
import { TokenBackers } from './backing/token-backers';
import { BackingParticipant } from './backing/backing-participant';
import { HistoryParticipant } from './history-participant';
import { TimerParticipant } from './timer-participant';
import { CallActivities } from './call-activities';
import { HistoryRepository } from './history.repository';
import { InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';
import { SignalRepository } from './signal.repository';
import { SubscriptionRepository } from './subscription.repository';
import { TimerFiringService } from './timer-firing.service';
import { TimerRepository } from './timer.repository';

@Module({
  imports: [DefinitionsModule],
  controllers: [InstancesController, StuckInstancesController],
  providers: [ExternalTaskRepository, IncidentRepository, OutboxRepository, TaskRepository, HistoryRepository, TimerRepository, SubscriptionRepository, SignalRepository, TokenBackers, StuckInstancesService, CallActivities, InstancesService, TimerFiringService, TimerParticipant, HistoryParticipant, BackingParticipant],
  exports: [ExternalTaskRepository, SignalRepository, TokenBackers, HistoryRepository, OutboxRepository, IncidentRepository, TaskRepository, SubscriptionRepository, TimerFiringService],
})
export class InstancesModule {}
