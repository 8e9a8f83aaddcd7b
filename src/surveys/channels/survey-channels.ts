// Picks the survey channel for a request's intake channel; unconfigured channels fall back to the log adapter,
// with one warning at boot naming them.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OutboundGuard } from '../../common/outbound/outbound-guard';
import { AppConfig } from '../../config/app-config';
import { HttpSurveyChannel } from './http-channel';
import { LogSurveyChannel } from './log-channel';
import type { SurveyChannel, SurveyChannelName } from './survey-channel';

/** Intake channel → how the survey goes out: e-mail to e-mail, phone to SMS, the rest to the integrator's app/bot. */
const CHANNEL_OF_INTAKE: Record<string, SurveyChannelName> = { email: 'email', phone: 'sms', web: 'webhook', app: 'webhook', wechat: 'webhook', chat: 'webhook' };

@Injectable()
export class SurveyChannels implements OnModuleInit {
  private readonly logger = new Logger('SurveyChannels');
  private readonly log = new LogSurveyChannel();
  private readonly configured = new Map<SurveyChannelName, SurveyChannel>();

  constructor(config: AppConfig, outbound: OutboundGuard) {
    if (config.SURVEY_SMS_URL) this.configured.set('sms', new HttpSurveyChannel('sms', config.SURVEY_SMS_URL, outbound));
    if (config.SURVEY_EMAIL_URL) this.configured.set('email', new HttpSurveyChannel('email', config.SURVEY_EMAIL_URL, outbound));
    if (config.SURVEY_WEBHOOK_URL) this.configured.set('webhook', new HttpSurveyChannel('webhook', config.SURVEY_WEBHOOK_URL, outbound));
  }

  onModuleInit(): void {
    const missing = (['sms', 'email', 'webhook'] as const).filter((c) => !this.configured.has(c));
    if (missing.length) this.logger.warn(`survey channels without a gateway (${missing.join(', ')}) write surveys to the log only: set ${missing.map((c) => `SURVEY_${c.toUpperCase()}_URL`).join(', ')}`);
  }

  /** The wanted channel for an intake channel, and the adapter that will carry it. */
  forIntake(intake: unknown): { wanted: SurveyChannelName; channel: SurveyChannel } {
    const wanted = CHANNEL_OF_INTAKE[String(intake)] ?? 'log';
    return { wanted, channel: this.configured.get(wanted) ?? this.log };
  }
}
