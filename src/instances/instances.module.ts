// Feature: process instances — start, query, cancel, the transactional command service, timers and their poller.
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { EscalationPolicy } from '../escalations/escalation-policy';
import { EscalationRepository } from '../escalations/escalation.repository';
import { ExternalTaskRepository } from '../external-tasks/external-task.repository';
import { IncidentPolicy } from '../incidents/incident-policy';
import { IncidentRepository } from '../incidents/incident.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { SlaClockRepository } from '../sla/sla-clock.repository';
import { SlaView } from '../sla/sla-view';
import { SlaTracker } from '../sla/sla-tracker';
import { SurveyPolicy } from '../surveys/survey-policy';
import { SurveyRepository } from '../surveys/survey.repository';
import { TaskRepository } from '../tasks/task.repository';
import { StuckInstancesController } from './backing/stuck-instances.controller';
import { StuckInstancesService } from './backing/stuck-instances.service';
import { ConditionalBacker } from './backing/conditional-backer';
import { TokenBackers } from './backing/token-backers';
import { CallActivities } from './call-activities';
import { HistoryRepository } from './history.repository';
import { InstanceCommandsService } from './instance-commands.service';
import { InstanceRepository } from './instance.repository';
import { InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';
import { SignalRepository } from './signal.repository';
import { SubscriptionRepository } from './subscription.repository';
import { TimerFiringService } from './timer-firing.service';
import { TimerRepository } from './timer.repository';

@Module({
  imports: [DefinitionsModule],
  controllers: [InstancesController, StuckInstancesController],
  providers: [ExternalTaskRepository, SurveyRepository, SurveyPolicy, SlaView, SlaClockRepository, SlaTracker, EscalationRepository, EscalationPolicy, IncidentRepository, IncidentPolicy, OutboxRepository, InstanceRepository, HistoryRepository, TimerRepository, SubscriptionRepository, TaskRepository, SignalRepository, TokenBackers, ConditionalBacker, StuckInstancesService, CallActivities, InstanceCommandsService, InstancesService, TimerFiringService],
  exports: [ExternalTaskRepository, SignalRepository, TokenBackers, SurveyRepository, SlaView, SlaClockRepository, EscalationRepository, HistoryRepository, OutboxRepository, InstanceRepository, IncidentRepository, InstanceCommandsService, TaskRepository, SubscriptionRepository, TimerFiringService],
})
export class InstancesModule {}
