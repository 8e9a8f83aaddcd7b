// The webhook signature: hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the subscription secret.
import { createHmac, randomBytes } from 'node:crypto';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
