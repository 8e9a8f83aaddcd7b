// Live events from GET /api/events (Server-Sent Events): one EventSource per subscriber. The `eventsource` package is the
// standard EventSource over fetch, so it can send the access token (the browser's own cannot set headers); it
// reconnects by itself and sends Last-Event-ID, so nothing committed while reconnecting is missed.
import { EventSource } from 'eventsource';
import { useEffect, useRef, useState } from 'preact/hooks';
import { withQuery } from './api';
import { authorizationHeader, authStore, mayActAs } from './auth-store';

/** fetch with the current access token: read at each (re)connect, so a refreshed token is used after a drop. */
const authorizedFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const authorization = authorizationHeader();
  if (authorization) headers.set('Authorization', authorization);
  return fetch(input, { ...init, headers });
};

export interface LiveEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** Every event type the server sends (README "Live events"); SSE delivers named events only to named listeners. */
export const EVENT_TYPES = [
  'task.created', 'task.completed', 'task.cancelled', 'process.completed', 'instance.cancelled', 'timer.fired', 'message.correlated',
  'customer.notified', 'complaint.escalated', 'incident.created', 'incident.retry_failed', 'incident.open', 'incident.resolved',
  'escalation.acknowledged', 'escalation.reassigned', 'escalation.resolved',
  'sla.started', 'sla.warning', 'sla.breached', 'sla.paused', 'sla.resumed', 'sla.met', 'sla.missed',
  'survey.requested', 'survey.skipped', 'survey.scheduled', 'survey.sent', 'survey.answered', 'survey.expired', 'survey.start_failed',
  'recovery.started', 'recovery.complaint_opened', 'kpi.threshold', 'simulation.progress',
];

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'denied';

/** Calls `onEvent` for each live event of `types` visible to `roles`; returns the connection status. */
export function useLiveEvents(options: { roles?: string[]; types?: string[] }, onEvent: (event: LiveEvent) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // The server refuses roles the user does not hold; ask only for those the signed-in user has (admins: any).
  const auth = authStore.get();
  const roles = (options.roles ?? []).filter((r) => mayActAs(auth, r)).join(',');
  const types = (options.types ?? []).join(',');

  useEffect(() => {
    const source = new EventSource(withQuery('/api/events', { roles, types }), { fetch: authorizedFetch });
    // Delivery is at least once (a reconnect, or a database failover under the server, may send an event again): an
    // event id already handled is dropped, so an alert never shows twice.
    const handled = new Set<string>();
    const listener = (e: MessageEvent) => {
      if (e.lastEventId) {
        if (handled.has(e.lastEventId)) return;
        handled.add(e.lastEventId);
        if (handled.size > 5000) handled.delete(handled.values().next().value as string);
      }
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data);
      } catch {
        // a heartbeat or a non-JSON payload carries nothing for us
      }
      handler.current({ id: e.lastEventId, type: e.type, data });
    };
    source.onopen = () => setStatus('open');
    source.onerror = (e) => {
      // A 401/403 is final (EventSource gives up on non-200 answers): say so instead of "reconnecting" forever.
      setStatus((e as { code?: number }).code === 401 || (e as { code?: number }).code === 403 ? 'denied' : 'reconnecting');
    };
    const named = types ? types.split(',') : EVENT_TYPES;
    for (const type of named) source.addEventListener(type, listener as EventListener);
    return () => source.close();
  }, [roles, types]);

  return status;
}
