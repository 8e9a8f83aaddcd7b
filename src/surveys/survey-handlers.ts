// The service-task handlers of surveys and service recovery (topics requestSurvey, sendSurvey, expireSurvey,
// startRecovery). They run inside the instance's command and only record history; SurveyPolicy persists what the
// history says in the same transaction, and SurveyRelay starts the survey / complaint instances afterwards.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Duration } from 'luxon';
import { AppConfig } from '../config/app-config';
import { ServiceRegistry, type ServiceHandler } from '../engine/service-registry';
import { SurveyChannels } from './channels/survey-channels';
import { hashSurveyToken, newSurveyToken } from './survey-token.util';

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
    private readonly channels: SurveyChannels,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register('requestSurvey', 'Ask for a satisfaction survey of this resolution (one per resolution)', requestSurvey);
    this.registry.register('sendSurvey', 'Send the customer a one-time survey link (input: kind = invitation | reminder)', this.sendSurvey);
    this.registry.register('expireSurvey', 'Mark the survey expired: its links stop working', expireSurvey);
    this.registry.register('startRecovery', 'Start service recovery after a low score (input: kind = callback | complaint)', startRecovery);
  }

  /** A fresh one-time token per message; only its hash is recorded (SurveyPolicy stores it and drops it from history). */
  private readonly sendSurvey: ServiceHandler = async ({ inputs, variables, now, record }) => {
    const kind = inputs.kind === 'reminder' ? 'reminder' : 'invitation';
    const expiresAt = kind === 'invitation' || !variables.surveyExpiresAt
      ? new Date(now.getTime() + Duration.fromISO(this.config.SURVEY_EXPIRY).toMillis()).toISOString()
      : String(variables.surveyExpiresAt);
    const token = newSurveyToken();
    const { wanted, channel } = this.channels.forIntake(variables.channel);
    const message = { kind, to: String(variables.customerContact ?? ''), customerName: String(variables.customerName ?? ''), link: `${this.config.PUBLIC_BASE_URL}/survey/${token}`, about: (variables.sourceBusinessKey as string) ?? null, expiresAt } as const;
    const sent = await channel.send(message);
    record('survey.sent', { kind, channel: wanted, via: sent.via, delivered: sent.delivered, expiresAt, tokenHash: hashSurveyToken(token) });
    return { surveyExpiresAt: expiresAt, surveyStatus: kind === 'invitation' ? 'sent' : 'reminded' };
  };
}
