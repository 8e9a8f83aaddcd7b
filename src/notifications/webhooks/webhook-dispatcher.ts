// Sends due webhook deliveries. Each is claimed with FOR UPDATE SKIP LOCKED and leased (next attempt pushed past the
// send) in its own short transaction, then sent, then its result recorded: two replicas never send one delivery at
// the same time, and a crash mid-send leaves it to be retried when the lease ends. Failures back off, then fail.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { retryDelayMs } from './retry-policy';
import { WebhookDeliveryRepository, type ClaimedDelivery } from './webhook-delivery.repository';
import { WebhookIncidents } from './webhook-incidents';
import { WebhookSender } from './webhook-sender';

const CONCURRENCY = 10;
const MIN_LEASE_MS = 30_000;

@Injectable()
export class WebhookDispatcher implements OnModuleDestroy {
  private readonly shutdown = new AbortController();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly incidents: WebhookIncidents,
  ) {}

  onModuleDestroy(): void {
    this.shutdown.abort();
  }

  /** Makes one attempt for every delivery due at `now` (the clock's now by default, up to `max`); returns how many. */
  async deliverDue(now?: Date, max = 1000): Promise<number> {
    const at = () => now ?? this.clock.now();
    const maxAttempts = this.config.WEBHOOK_MAX_ATTEMPTS;
    await this.deliveries.failStale(at(), maxAttempts);
    let attempted = 0;
    while (attempted < max && !this.shutdown.signal.aborted) {
      const start = at();
      const lease = new Date(start.getTime() + Math.max(MIN_LEASE_MS, 2 * this.config.WEBHOOK_TIMEOUT_MS));
      const batch = await this.deliveries.claimDue(start, lease, maxAttempts, Math.min(CONCURRENCY, max - attempted));
      if (!batch.length) break;
      await Promise.all(batch.map((d) => this.attempt(d, at)));
      attempted += batch.length;
    }
    return attempted;
  }

  private async attempt(delivery: ClaimedDelivery, at: () => Date): Promise<void> {
    const result = await this.sender.send(delivery, at(), this.shutdown.signal);
    const done = at();
    if (result.ok) return this.deliveries.recordDelivered(delivery.id, result.statusCode ?? 200, done);
    const retryAt = delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS ? null : new Date(done.getTime() + retryDelayMs(delivery.attempts));
    const final = await this.deliveries.recordFailure(delivery.id, result.statusCode, result.error ?? 'failed', retryAt);
    if (final) await this.incidents.raise(delivery.id);
  }
}
