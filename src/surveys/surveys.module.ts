// Feature: satisfaction surveys (handlers, the relay that starts them, the public answer API) and
// service recovery after a low score.
import { Module, OnModuleInit } from '@nestjs/common';
import { SurveyParticipant } from './survey-participant';
import { SurveyPolicy } from './survey-policy';
import { SurveyRepository } from './survey.repository';
import { Duration } from 'luxon';
import { AppConfig } from '../config/app-config';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstancesModule } from '../instances/instances.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxReaderRepository } from '../notifications/outbox-reader.repository';
import { SurveyHandlers } from './survey-handlers';
import { SurveyPoller } from './survey-poller';
import { SurveyRelay } from './survey-relay';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [InstancesModule, DefinitionsModule, NotificationsModule],
  controllers: [SurveysController],
  providers: [SurveyRepository, SurveyPolicy, SurveyParticipant, OutboxReaderRepository, SurveyHandlers, SurveyRelay, SurveyPoller, SurveysService],
  exports: [SurveyRelay, SurveyRepository],
})
export class SurveysModule implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const ms = (iso: string) => Duration.fromISO(iso).toMillis();
    if (ms(this.config.SURVEY_REMINDER) >= ms(this.config.SURVEY_EXPIRY)) {
      throw new Error(`Invalid configuration: SURVEY_REMINDER (${this.config.SURVEY_REMINDER}) must be shorter than SURVEY_EXPIRY (${this.config.SURVEY_EXPIRY})`);
    }
  }
}
