// Sends due customer deliveries. Each is claimed (FOR UPDATE SKIP LOCKED) and leased in a short transaction of its own,
// then sent, then its result recorded: two replicas never send one row at the same time, a crash mid-send is retried
// after the lease (at least once; the delivery id travels as the idempotency key). Failures back off, then fail.
import { Injectable } from '@nestjs/common';
import { Duration } from 'luxon';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { retryDelayMs } from '../notifications/webhooks/retry-policy';
import { ChannelError, CustomerChannels } from './customer-channels';
import { CustomerDeliveryRepository, type CustomerDelivery } from './customer-delivery.repository';
import { PeopleService } from '../people/people.service';
import { renderNotification, type NotifyLanguage } from './notification-templates';
import { StatusTokenRepository } from './status-token.repository';
import { hashStatusToken, newStatusToken } from './status-token.util';
import { SurveyRepository } from '../surveys/survey.repository';
import { hashSurveyToken, newSurveyToken } from '../surveys/survey-token.util';

const CONCURRENCY = 5;
const MIN_LEASE_MS = 60_000;

@Injectable()
export class CustomerNotifyDispatcher {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deliveries: CustomerDeliveryRepository,
    private readonly tokens: StatusTokenRepository,
    private readonly channels: CustomerChannels,
    private readonly people: PeopleService,
    private readonly surveys: SurveyRepository,
  ) {}

  /** Makes one attempt for every delivery due now (up to `max`); returns how many were attempted. */
  async deliverDue(max = 500): Promise<number> {
    const maxAttempts = this.config.NOTIFY_MAX_ATTEMPTS;
    await this.deliveries.skipOptedOut();
    await this.deliveries.failStale(this.clock.now(), maxAttempts);
    let attempted = 0;
    while (attempted < max) {
      const now = this.clock.now();
      const lease = new Date(now.getTime() + Math.max(MIN_LEASE_MS, 2 * this.config.WEBHOOK_TIMEOUT_MS));
      const batch = await this.deliveries.claimDue(now, lease, maxAttempts, Math.min(CONCURRENCY, max - attempted));
      if (!batch.length) break;
      await Promise.all(batch.map((d) => this.attempt(d)));
      attempted += batch.length;
    }
    return attempted;
  }

  private async attempt(d: CustomerDelivery): Promise<void> {
    try {
      const { subject, body } = await this.render(d);
      await this.channels.send({ deliveryId: d.id, channel: d.channel, to: d.address, language: d.language, subject, body }, this.clock.now());
      await this.deliveries.recordSent(d, this.clock.now());
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
      const retryAt = d.attempts >= this.config.NOTIFY_MAX_ATTEMPTS ? null : new Date(this.clock.now().getTime() + retryDelayMs(d.attempts));
      await this.deliveries.recordFailure(d, err.message, retryAt);
    }
  }

  private async render(d: CustomerDelivery): Promise<{ subject: string; body: string }> {
    const facts = { ...((d.data.facts as Record<string, unknown>) ?? {}) };
    // the customer reads the technician's name, not their sign-in name
    if (typeof facts.technician === 'string' && facts.technician) facts.technician = await this.people.shownName(facts.technician);
    return renderNotification({
      language: d.language as NotifyLanguage,
      businessKey: (d.data.businessKey as string | null) ?? null,
      facts,
      link: await this.link(d),
      timeZone: this.config.TIME_ZONE,
    });
  }

  /**
   * A fresh one-time token per attempt, made here at send time: only its hash is stored, the link exists only in the
   * message sent. A survey message links to its survey page, every other one to the request's status page.
   */
  private async link(d: CustomerDelivery): Promise<string> {
    const now = this.clock.now();
    const survey = d.data.survey as { id: string; kind: string; expiresAt: string } | undefined;
    if (survey) {
      const token = newSurveyToken();
      const made = await this.surveys.addToken({ tokenHash: hashSurveyToken(token), surveyId: survey.id, kind: survey.kind, issuedAt: now, expiresAt: new Date(survey.expiresAt) });
      // a custom diagram may call sendSurvey outside a satisfaction-survey instance: nothing to link to, fail visibly
      if (!made) throw new ChannelError('there is no survey for this message (sendSurvey outside a satisfaction-survey instance)');
      return `${this.config.PUBLIC_BASE_URL}/survey/${token}`;
    }
    const token = newStatusToken();
    const expiresAt = new Date(now.getTime() + Duration.fromISO(this.config.STATUS_TOKEN_TTL).toMillis());
    await this.tokens.add(hashStatusToken(token), { instanceId: d.instanceId, language: d.language, expiresAt }, now);
    return `${this.config.PUBLIC_BASE_URL}/status/${token}`;
  }
}
