// The service-task handlers of surveys and service recovery (topics requestSurvey, sendSurvey, expireSurvey,
// startRecovery). They run inside the instance's command and only record history; SurveyPolicy persists what the
// history says in the same transaction, SurveyRelay starts the survey / complaint instances afterwards, and the survey
// link goes out as a customer notification (src/customer-notifications: templates, channels, retries, opt-out).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Duration } from 'luxon';
import { AppConfig } from '../config/app-config';
import { ServiceRegistry, type ServiceHandler } from '../engine/service-registry';
import { recipientsOf } from '../customer-notifications/recipients.util';

/** A resolution of a service request or complaint: one survey each (a reopened request counts again). */
export const requestSurvey: ServiceHandler = ({ instanceId, variables, record }) => {
  // A complaint opened by service recovery is confirmed by the supervisor's call-back; surveying it again would loop.
  if (variables.recoverySurveyId) {
    record('survey.skipped', { reason: 'complaint opened by service recovery' });
    return;
  }
  const resolution = Number(variables.surveyResolutions ?? 0) + 1;
  record('survey.requested', { resolution, resolutionKey: `${instanceId}#${resolution}` });
  return { surveyResolutions: resolution };
};

export const expireSurvey: ServiceHandler = ({ record }) => {
  record('survey.expired', {});
  return { surveyStatus: 'expired' };
};

export const startRecovery: ServiceHandler = ({ instanceId, inputs, variables, record }) => {
  const kind = String(inputs.kind);
  if (kind !== 'callback' && kind !== 'complaint') throw new Error(`recovery kind must be callback or complaint, got ${kind}`);
  record('recovery.started', {
    kind,
    surveyId: instanceId,
    relatedRequestId: variables.sourceBusinessKey ?? null,
    overall: variables.overall ?? null,
    nps: variables.nps ?? null,
    roles: ['supervisor'],
  });
  return { recoveryKind: kind };
};

@Injectable()
export class SurveyHandlers implements OnModuleInit {
  constructor(
    private readonly registry: ServiceRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register('requestSurvey', 'Ask for a satisfaction survey of this resolution (one per resolution)', requestSurvey);
    this.registry.register('sendSurvey', 'Send the customer a one-time survey link (input: kind = invitation | reminder)', this.sendSurvey);
    this.registry.register('expireSurvey', 'Mark the survey expired: its links stop working', expireSurvey);
    this.registry.register('startRecovery', 'Start service recovery after a low score (input: kind = callback | complaint)', startRecovery);
  }

  /**
   * Records the invitation (or reminder) as a customer notification of the resolved request: the sender makes the
   * one-time link token when it sends (only its hash is stored), so no link and no network call is inside the command.
   */
  private readonly sendSurvey: ServiceHandler = ({ instanceId, inputs, variables, now, record }) => {
    const kind = inputs.kind === 'reminder' ? 'reminder' : 'invitation';
    const expiresAt = kind === 'invitation' || !variables.surveyExpiresAt
      ? new Date(now.getTime() + Duration.fromISO(this.config.SURVEY_EXPIRY).toMillis()).toISOString()
      : String(variables.surveyExpiresAt);
    const recipients = recipientsOf(variables);
    record('customer.notified', {
      template: kind === 'reminder' ? 'surveyReminder' : 'survey',
      channel: String(variables.channel ?? ''),
      language: typeof variables.customerLanguage === 'string' ? variables.customerLanguage : null,
      optedOut: variables.notificationsOptOut === true,
      recipients,
      facts: { customerName: variables.customerName ?? null, expiresAt },
      // the link is this survey's; the message is about (and logged on) the resolved request
      survey: { id: instanceId, kind, expiresAt },
      aboutInstanceId: typeof variables.sourceInstanceId === 'string' ? variables.sourceInstanceId : null,
      reference: typeof variables.sourceBusinessKey === 'string' ? variables.sourceBusinessKey : null,
    });
    record('survey.sent', { kind, channels: Object.keys(recipients), expiresAt });
    return { surveyExpiresAt: expiresAt, surveyStatus: kind === 'invitation' ? 'sent' : 'reminded' };
  };
}
