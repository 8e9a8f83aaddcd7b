// Serves one SSE connection: replays what the client missed (Last-Event-ID / ?since=), then the live events it may
// see, with a heartbeat comment. Replay reads up to the tailer's position and live rows come after it: no gap, no twice.
import type { Principal } from '../../auth/principal';
import { streamRolesFor } from './stream-roles.util';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import type { Subscription } from 'rxjs';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { EventStreamQueryDto } from '../dto/events.dto';
import { comparePositions, type OutboxPosition, type OutboxRecord } from '../outbox-position';
import { OutboxReaderRepository, type OutboxFilter } from '../outbox-reader.repository';
import { OutboxTailer } from './outbox-tailer';
import { isVisible, SSE_HEARTBEAT, sseMessage, sseRecord } from './sse';

/** A client this far behind is dropped; it reconnects with Last-Event-ID and catches up from the outbox. */
const MAX_UNSENT_BYTES = 1024 * 1024;
const RECONNECT_MS = 3000;
/** Retry-After of a stream over the per-caller cap. */
const STREAM_CAP_RETRY_S = 30;

@Injectable()
export class EventStreamService implements OnModuleDestroy {
  private readonly streams = new Set<Response>();
  /** Open streams per caller (user or key) on this process. */
  private readonly perCaller = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly tailer: OutboxTailer,
    private readonly reader: OutboxReaderRepository,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  async open(res: Response, query: EventStreamQueryDto, lastEventId?: string, principal?: Principal): Promise<void> {
    const filter: OutboxFilter = { roles: streamRolesFor({ principal, requested: query.roles ?? [] }), types: query.types ?? [] };
    const since = lastEventIdOf(lastEventId) ?? query.since;
    this.holdSlot(res, principal);
    const pending: OutboxRecord[] = [];
    let live = false;
    let after: OutboxPosition | undefined;
    // Subscribe and take the tailer's position in the same tick: every row emitted from here on is after `upTo`.
    const upTo = this.tailer.position;
    const subscription = this.tailer.events$.subscribe((r) => {
      if (!isVisible(r, filter) || (after && comparePositions(r, after) <= 0)) return;
      if (live) this.send(res, sseRecord(r));
      else pending.push(r);
    });
    let heartbeat: NodeJS.Timeout | undefined;
    const close = () => this.closed(res, subscription, heartbeat);
    res.on('close', close);
    try {
      const replay = since ? await this.replay(since, upTo, filter) : { records: [], more: false, from: undefined };
      after = replay.from;
      if (res.destroyed) return close();
      this.streams.add(res);
      // Connection: close: once a stream ends (shutdown, slow client) its socket goes too, and nothing waits for it.
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'close', 'X-Accel-Buffering': 'no' });
      res.socket?.setNoDelay(true);
      res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      if (replay.more) this.send(res, sseMessage({ event: 'replay.truncated', data: { limit: this.config.EVENTS_REPLAY_LIMIT } }));
      for (const r of [...replay.records, ...pending.filter((p) => !after || comparePositions(p, after) > 0)]) this.send(res, sseRecord(r));
      live = true;
      heartbeat = setInterval(() => this.send(res, SSE_HEARTBEAT), this.config.EVENTS_HEARTBEAT_MS);
    } catch (err) {
      res.off('close', close);
      close();
      throw err;
    }
  }

  /** Ends every stream (EventSource reconnects, to another replica) and its socket, which nothing else would close. */
  onModuleDestroy(): void {
    for (const res of this.streams) {
      res.end();
      res.socket?.destroySoon();
    }
  }

  /** Counts the stream against its caller's cap until it closes; over the cap a 429 (EventSource retries later). */
  private holdSlot(res: Response, principal?: Principal): void {
    const caller = principal ? `${principal.kind}:${principal.id}` : 'anonymous';
    const held = this.perCaller.get(caller) ?? 0;
    if (held >= this.config.EVENTS_MAX_STREAMS_PER_CALLER) {
      throw DomainError.tooManyRequests(`too many live streams: at most ${this.config.EVENTS_MAX_STREAMS_PER_CALLER} open at once per caller; close one (or reuse it)`, STREAM_CAP_RETRY_S);
    }
    this.perCaller.set(caller, held + 1);
    res.once('close', () => {
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    });
  }

  private async replay(since: string, upTo: OutboxPosition, filter: OutboxFilter) {
    const from = await this.reader.positionOf(since);
    const { records, more } = await this.reader.replay(from ?? { afterId: since }, upTo, filter, this.config.EVENTS_REPLAY_LIMIT);
    return { records, more, from: from ?? undefined };
  }

  /** Never throws: it runs inside the tailer's publication. */
  private send(res: Response, chunk: string): void {
    if (res.destroyed || res.writableEnded) return;
    if (res.writableLength > MAX_UNSENT_BYTES) return void res.destroy();
    res.write(chunk);
  }

  private closed(res: Response, subscription: Subscription, heartbeat?: NodeJS.Timeout): void {
    subscription.unsubscribe();
    clearInterval(heartbeat);
    this.streams.delete(res);
  }
}

function lastEventIdOf(header?: string): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!/^\d{1,18}$/.test(header.trim())) throw new DomainError(ErrorCode.Invalid, 'Last-Event-ID must be an event id');
  return header.trim();
}
