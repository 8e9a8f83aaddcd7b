// One per server process: follows the outbox from its position at boot and publishes every new row in-process,
// reading every EVENTS_POLL_MS (an index range scan that usually finds nothing). Every replica tails on its own, so
// every connected client sees every event whichever replica committed it. No LISTEN/NOTIFY: a notifying commit
// takes a cluster-wide lock until it is flushed, which would serialise all command commits.
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { OutboxReaderRepository } from '../outbox-reader.repository';
import { START_OF_OUTBOX, type OutboxPosition, type OutboxRecord } from '../outbox-position';

const BATCH = 500;
const ERROR_LOG_EVERY_MS = 10_000;

@Injectable()
export class OutboxTailer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxTailer');
  private readonly subject = new Subject<OutboxRecord>();
  private cursor: OutboxPosition = START_OF_OUTBOX;
  private handle?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private lastErrorLog = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly reader: OutboxReaderRepository,
  ) {}

  /** Every outbox row committed after boot, in read order; each is emitted in the same tick as `position` moves. */
  get events$(): Observable<OutboxRecord> {
    return this.subject.asObservable();
  }

  /** The last row published: everything up to here has been emitted, everything after will be. */
  get position(): OutboxPosition {
    return this.cursor;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.cursor = await this.reader.horizon();
    this.stopped = false;
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.handle);
    await this.running;
    this.subject.complete();
  }

  private schedule(): void {
    this.handle = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule();
      });
    }, this.config.EVENTS_POLL_MS);
  }

  private async drain(): Promise<void> {
    try {
      let rows: OutboxRecord[];
      do {
        rows = await this.reader.after(this.cursor, BATCH);
        for (const row of rows) {
          this.cursor = { txid: row.txid, id: row.id };
          this.subject.next(row); // subscribers never throw (see EventStreamService)
        }
      } while (rows.length === BATCH && !this.stopped);
    } catch (err) {
      if (Date.now() - this.lastErrorLog < ERROR_LOG_EVERY_MS) return;
      this.lastErrorLog = Date.now();
      this.logger.warn({ err }, 'reading the outbox failed; retrying');
    }
  }
}
