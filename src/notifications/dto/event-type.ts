// The shape of an event type name (task.created, sla.breached …) and the list transform for comma-separated query values.
import type { TransformFnParams } from 'class-transformer';

export const EVENT_TYPE = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;
export const EVENT_TYPE_MESSAGE = 'event types look like task.created (lower case, dot separated)';

/** `?roles=a,b`, `?roles=a&roles=b` or both → ['a', 'b']. */
export function commaList({ value }: TransformFnParams): unknown {
  if (value === undefined || value === null) return value;
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}
