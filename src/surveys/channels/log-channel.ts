// The default survey channel: writes the message to the server log. Nothing reaches the customer, and it says so.
import { Logger } from '@nestjs/common';
import { maskContact, redactUrl } from '../../common/logging/log-redaction.util';
import { surveyText, type SurveyChannel, type SurveyMessage, type SurveySendResult } from './survey-channel';

export class LogSurveyChannel implements SurveyChannel {
  readonly name = 'log' as const;
  private readonly logger = new Logger('SurveyChannel');

  async send(message: SurveyMessage): Promise<SurveySendResult> {
    // The link is a credential for one answer and the contact is personal data: neither goes to the log in clear.
    this.logger.log({ kind: message.kind, to: maskContact(message.to), link: redactUrl(message.link) }, surveyText({ ...message, link: '<link>' }));
    return { via: 'log', delivered: false };
  }
}
