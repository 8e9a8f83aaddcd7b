// Sends one rendered message on its channel: e-mail over SMTP (nodemailer), SMS / WeChat as signed JSON POSTs to the
// configured gateways through the outbound guard. The delivery id is the idempotency key on every channel (Message-ID,
// Idempotency-Key), so a retry after a lost answer can be recognised by the receiver.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { OutboundError, OutboundGuard } from '../common/outbound/outbound-guard';
import { AppConfig } from '../config/app-config';
import { signWebhook } from '../notifications/webhooks/webhook-signature';
import type { NotifyChannel } from './recipients.util';

export interface OutgoingMessage {
  deliveryId: string;
  channel: NotifyChannel;
  to: string;
  language: string;
  subject: string;
  body: string;
}

/** Failures carry a short reason safe to show on the request (no server answer is echoed). */
export class ChannelError extends Error {}

@Injectable()
export class CustomerChannels implements OnModuleDestroy {
  private mailer?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundGuard,
  ) {}

  onModuleDestroy(): void {
    this.mailer?.close();
  }

  async send(message: OutgoingMessage, at: Date): Promise<void> {
    if (message.channel === 'email') return this.email(message);
    const url = message.channel === 'sms' ? this.config.NOTIFY_SMS_URL : this.config.NOTIFY_WECHAT_URL;
    const secret = (message.channel === 'sms' ? this.config.NOTIFY_SMS_SECRET : this.config.NOTIFY_WECHAT_SECRET) ?? '';
    if (!url) throw new ChannelError(`no ${message.channel} gateway is configured`);
    return this.gateway(url, secret, message, at);
  }

  private async email(m: OutgoingMessage): Promise<void> {
    if (!this.config.NOTIFY_SMTP_URL) throw new ChannelError('no SMTP server is configured');
    // every wait bounded well inside the sender's lease, so a hung server cannot outlive the claim (a second send)
    const timeout = this.config.WEBHOOK_TIMEOUT_MS;
    this.mailer ??= createTransport({ url: this.config.NOTIFY_SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as Parameters<typeof createTransport>[0]);
    try {
      await this.mailer.sendMail({
        from: this.config.NOTIFY_EMAIL_FROM,
        to: m.to,
        subject: m.subject,
        text: m.body,
        messageId: `<delivery-${m.deliveryId}@serviceflow>`,
        headers: { 'Content-Language': m.language, 'X-ServiceFlow-Delivery': m.deliveryId },
      });
    } catch (err) {
      const code = (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code ?? 'error';
      throw new ChannelError(`SMTP ${code}`);
    }
  }

  private async gateway(url: string, secret: string, m: OutgoingMessage, at: Date): Promise<void> {
    const body = JSON.stringify({ id: m.deliveryId, channel: m.channel, to: m.to, language: m.language, text: `${m.subject}\n${m.body}` });
    const timestamp = String(Math.floor(at.getTime() / 1000));
    let status: number;
    try {
      status = await this.outbound.post(url, {
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `delivery-${m.deliveryId}`,
          'X-ServiceFlow-Delivery': m.deliveryId,
          'X-ServiceFlow-Timestamp': timestamp,
          'X-ServiceFlow-Signature': signWebhook(secret, timestamp, body),
        },
      });
    } catch (err) {
      throw new ChannelError(err instanceof OutboundError ? err.message : 'request failed');
    }
    if (status < 200 || status >= 300) throw new ChannelError(`HTTP ${status}`);
  }
}
