// SMS, e-mail and webhook survey channels: POST the message as JSON to the configured gateway of that channel
// (an SMS provider's or mail relay's HTTP endpoint, or the integrator's app / WeChat bot). Any non-2xx is an error,
// so the send fails visibly (an incident with retries) instead of pretending success.
import { OutboundError, type OutboundGuard } from '../../common/outbound/outbound-guard';
import { surveyText, type SurveyChannel, type SurveyChannelName, type SurveyMessage, type SurveySendResult } from './survey-channel';

const TIMEOUT_MS = 10_000;

export class HttpSurveyChannel implements SurveyChannel {
  constructor(
    readonly name: Exclude<SurveyChannelName, 'log'>,
    private readonly url: string,
    private readonly outbound: OutboundGuard,
  ) {}

  async send(message: SurveyMessage): Promise<SurveySendResult> {
    const body = JSON.stringify({ channel: this.name, ...message, text: surveyText(message) });
    // Checked after DNS resolution and pinned, like webhooks (OUTBOUND_ALLOW for a gateway inside the network).
    const status = await this.outbound.post(this.url, { headers: { 'content-type': 'application/json' }, body, timeoutMs: TIMEOUT_MS }).catch((err) => {
      throw new Error(`${this.name} gateway: ${err instanceof OutboundError ? err.message : 'request failed'}`);
    });
    if (status < 200 || status >= 300) throw new Error(`${this.name} gateway answered HTTP ${status}`);
    return { via: this.name, delivered: true };
  }
}
