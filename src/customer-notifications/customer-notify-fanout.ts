// Turns customer.notified outbox events into delivery rows, exactly once across replicas: the 'customer-notify' cursor
// row is locked for the transaction (a replica that holds it is skipped) and moves with the rows it created.
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import type { OutboxRecord } from '../notifications/outbox-position';
import { OutboxReaderRepository } from '../notifications/outbox-reader.repository';
import { CustomerDeliveryRepository, type NewDelivery } from './customer-delivery.repository';
import { languageOf, type NotifyLanguage } from './notification-templates';
import type { NotifyChannel, Recipients } from './recipients.util';

const CURSOR = 'customer-notify';
const BATCH = 500;
const MAX_BATCHES = 20;
const CHANNELS: NotifyChannel[] = ['email', 'sms', 'wechat'];

@Injectable()
export class CustomerNotifyFanout implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxReaderRepository,
    private readonly deliveries: CustomerDeliveryRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.outbox.ensureCursor(CURSOR);
  }

  /** Fans out what is readable now; returns how many delivery rows were proposed. */
  async fanout(): Promise<number> {
    let made = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const step = await this.db.transaction(async (em) => {
        const cursor = await this.outbox.lockCursor(em, CURSOR);
        if (!cursor) return { rows: 0, made: 0 }; // another replica is on it
        const rows = await this.outbox.after(cursor, BATCH, em);
        if (!rows.length) return { rows: 0, made: 0 };
        const wanted = rows.filter((r) => r.type === 'customer.notified' && r.instanceId).flatMap((r) => this.deliveriesOf(r));
        await this.deliveries.add(em, wanted, this.clock.now());
        await this.outbox.saveCursor(em, CURSOR, rows[rows.length - 1]);
        return { rows: rows.length, made: wanted.length };
      });
      made += step.made;
      if (step.rows < BATCH) break;
    }
    return made;
  }

  private deliveriesOf(event: OutboxRecord): NewDelivery[] {
    const payload = event.payload as { businessKey?: string | null; detail?: Record<string, any> };
    const detail = payload.detail ?? {};
    const language: NotifyLanguage = languageOf(detail.language, this.config.NOTIFY_DEFAULT_LANGUAGE as NotifyLanguage);
    const recipients = (detail.recipients ?? {}) as Recipients;
    // a fixed channel order (jsonb does not keep the recorded key order)
    return CHANNELS.filter((c) => typeof recipients[c] === 'string').map((channel) => {
      const address = recipients[channel]!;
      const reason = detail.optedOut ? 'the customer opted out' : this.configured(channel) ? null : `no ${channel} gateway is configured`;
      return {
        instanceId: event.instanceId!,
        aboutInstanceId: typeof detail.aboutInstanceId === 'string' ? detail.aboutInstanceId : null,
        outboxId: event.id,
        channel,
        address,
        template: String(detail.template ?? 'statusUpdate'),
        language,
        data: { businessKey: detail.reference ?? payload.businessKey ?? null, facts: { ...(detail.facts ?? {}), template: detail.template }, ...(detail.survey ? { survey: detail.survey } : {}) },
        status: reason ? 'skipped' : 'pending',
        reason,
      };
    });
  }

  private configured(channel: NotifyChannel): boolean {
    if (channel === 'email') return !!this.config.NOTIFY_SMTP_URL;
    if (channel === 'sms') return !!this.config.NOTIFY_SMS_URL;
    return !!this.config.NOTIFY_WECHAT_URL;
  }
}
