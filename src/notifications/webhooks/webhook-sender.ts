// POSTs one delivery: JSON {id, type, payload}, signed; 2xx is success, anything else (redirects included) a failure.
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { ClaimedDelivery } from './webhook-delivery.repository';
import { signWebhook } from './webhook-signature';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

const ERROR_TEXT_MAX = 500;

@Injectable()
export class WebhookSender {
  constructor(private readonly config: AppConfig) {}

  async send(delivery: ClaimedDelivery, at: Date, abort?: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify({ id: Number(delivery.outboxId), type: delivery.eventType, payload: delivery.payload });
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const timeout = AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS);
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: abort ? AbortSignal.any([timeout, abort]) : timeout,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ServiceFlow-Webhooks/1',
          'X-ServiceFlow-Event': delivery.eventType,
          'X-ServiceFlow-Delivery': delivery.id,
          'X-ServiceFlow-Timestamp': timestamp,
          'X-ServiceFlow-Signature': signWebhook(delivery.secret, timestamp, body),
        },
        body,
      });
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: true, statusCode: res.status, error: null };
      }
      const text = await startOf(res);
      return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}`.slice(0, ERROR_TEXT_MAX) };
    } catch (err) {
      return { ok: false, statusCode: null, error: describe(err, this.config.WEBHOOK_TIMEOUT_MS, timeout).slice(0, ERROR_TEXT_MAX) };
    }
  }
}

/** The first characters of a response body, without reading a large one to its end. */
async function startOf(res: globalThis.Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  try {
    const { value } = await reader.read();
    return value ? new TextDecoder().decode(value.subarray(0, ERROR_TEXT_MAX)).replace(/\s+/g, ' ').trim() : '';
  } catch {
    return '';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function describe(err: unknown, timeoutMs: number, timeout: AbortSignal): string {
  if (timeout.aborted) return `no answer within ${timeoutMs} ms`;
  if ((err as Error)?.name === 'AbortError') return 'cancelled: the server is shutting down';
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.message ?? (err as Error)?.message ?? String(err);
}
