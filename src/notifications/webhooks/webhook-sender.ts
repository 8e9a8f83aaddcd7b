// POSTs one delivery: JSON {id, type, payload}, signed; 2xx is success, anything else (redirects included) a failure.
// The target is checked and pinned by the OutboundGuard; the result keeps the status and a short reason, never the
// receiver's answer or the socket's error text (no port-scan oracle, nothing echoed from internal services).
import { Injectable } from '@nestjs/common';
import { OutboundError, OutboundGuard } from '../../common/outbound/outbound-guard';
import { AppConfig } from '../../config/app-config';
import type { ClaimedDelivery } from './webhook-delivery.repository';
import { signWebhook } from './webhook-signature';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

@Injectable()
export class WebhookSender {
  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundGuard,
  ) {}

  async send(delivery: ClaimedDelivery, at: Date, abort?: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify({ id: Number(delivery.outboxId), type: delivery.eventType, payload: delivery.payload });
    const timestamp = String(Math.floor(at.getTime() / 1000));
    try {
      const status = await this.outbound.post(delivery.url, {
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        signal: abort,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ServiceFlow-Webhooks/1',
          'X-ServiceFlow-Event': delivery.eventType,
          'X-ServiceFlow-Delivery': delivery.id,
          'X-ServiceFlow-Timestamp': timestamp,
          'X-ServiceFlow-Signature': signWebhook(delivery.secret, timestamp, body),
        },
      });
      return status >= 200 && status < 300 ? { ok: true, statusCode: status, error: null } : { ok: false, statusCode: status, error: `HTTP ${status}` };
    } catch (err) {
      return { ok: false, statusCode: null, error: err instanceof OutboundError ? err.message : 'request failed' };
    }
  }
}
