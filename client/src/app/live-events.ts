// Live events from GET /api/events (Server-Sent Events): one EventSource per subscriber; the browser reconnects by itself
// and sends Last-Event-ID, so nothing committed while reconnecting is missed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { withQuery } from './api';

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
];

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

/** Calls `onEvent` for each live event of `types` visible to `roles`; returns the connection status. */
export function useLiveEvents(options: { roles?: string[]; types?: string[] }, onEvent: (event: LiveEvent) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const roles = (options.roles ?? []).join(',');
  const types = (options.types ?? []).join(',');

  useEffect(() => {
    const source = new EventSource(withQuery('/api/events', { roles, types }));
    const listener = (e: MessageEvent) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(e.data);
      } catch {
        // a heartbeat or a non-JSON payload carries nothing for us
      }
      handler.current({ id: e.lastEventId, type: e.type, data });
    };
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus('reconnecting');
    const named = types ? types.split(',') : EVENT_TYPES;
    for (const type of named) source.addEventListener(type, listener as EventListener);
    return () => source.close();
  }, [roles, types]);

  return status;
}
