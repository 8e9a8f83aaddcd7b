// One interface for every way a survey link reaches the customer (log, SMS, e-mail, webhook).

export type SurveyChannelName = 'log' | 'sms' | 'email' | 'webhook';

export interface SurveyMessage {
  kind: 'invitation' | 'reminder';
  to: string;
  customerName: string;
  link: string;
  /** The request the survey is about (business key), for the text. */
  about: string | null;
  expiresAt: string;
}

export interface SurveySendResult {
  /** The adapter that actually carried the message ('log' when it was only written to the server log). */
  via: SurveyChannelName;
  /** True only when an external system accepted the message for the customer. */
  delivered: boolean;
}

export interface SurveyChannel {
  readonly name: SurveyChannelName;
  send(message: SurveyMessage): Promise<SurveySendResult>;
}

/** The text of the message, in both UI languages (the customer's language is not known). */
export function surveyText(m: SurveyMessage): string {
  const en = m.kind === 'reminder' ? 'Reminder: how did we do' : 'How did we do';
  const zh = m.kind === 'reminder' ? '提醒：请评价我们的服务' : '请评价我们的服务';
  const about = m.about ? ` (${m.about})` : '';
  return `${zh}${about}：${m.link} / ${en}${about}? ${m.link}`;
}
