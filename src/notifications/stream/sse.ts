// Server-Sent Events wire format and the stream's visibility rule (roles and types).
import type { OutboxRecord } from '../outbox-position';
import type { OutboxFilter } from '../outbox-reader.repository';

/** An event is visible when it is unrestricted or shares a role with the stream, and its type was asked for (if any). */
export function isVisible(event: Pick<OutboxRecord, 'roles' | 'type'>, filter: OutboxFilter): boolean {
  if (event.roles.length && !event.roles.some((r) => filter.roles.includes(r))) return false;
  return !filter.types.length || filter.types.includes(event.type);
}

/** One SSE message; `id` becomes the client's Last-Event-ID. Fields never contain line breaks. */
export function sseMessage(message: { id?: string; event: string; data: unknown }): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const id = message.id === undefined ? '' : `id: ${oneLine(message.id)}\n`;
  return `${id}event: ${oneLine(message.event)}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

export function sseRecord(record: OutboxRecord): string {
  return sseMessage({ id: record.id, event: record.type, data: record.payload });
}

/** A comment line: ignored by EventSource, keeps proxies and load balancers from closing an idle stream. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';
