// SMS, e-mail and webhook survey channels: POST the message as JSON to the configured gateway of that channel
// (an SMS provider's or mail relay's HTTP endpoint, or the integrator's app / WeChat bot). Any non-2xx is an error,
// so the send fails visibly (an incident with retries) instead of pretending success.
import { surveyText, type SurveyChannel, type SurveyChannelName, type SurveyMessage, type SurveySendResult } from './survey-channel';

const TIMEOUT_MS = 10_000;

export class HttpSurveyChannel implements SurveyChannel {
  constructor(
    readonly name: Exclude<SurveyChannelName, 'log'>,
    private readonly url: string,
  ) {}

  async send(message: SurveyMessage): Promise<SurveySendResult> {
    const body = JSON.stringify({ channel: this.name, ...message, text: surveyText(message) });
    const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    if (!res.ok) throw new Error(`${this.name} gateway answered HTTP ${res.status}`);
    return { via: this.name, delivered: true };
  }
}
