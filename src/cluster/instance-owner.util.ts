// Which cluster worker owns an instance: its id's last 16 bits (random in a UUIDv7) modulo the number of workers.
// The same rule in SQL, so a worker's timer claim can prefer its own instances.

/** The slot (0 … size-1) of the worker that owns `instanceId`. */
export function ownerSlot(instanceId: string, size: number): number {
  return size > 1 ? Number.parseInt(instanceId.slice(-4), 16) % size : 0;
}

/** `ownerSlot` of the uuid column `column`, as a SQL expression (integers only: safe to inline). */
export function ownerSlotSql(column: string, size: number): string {
  return `(('x' || right(${column}::text, 4))::bit(16)::int % ${Math.max(1, Math.trunc(size))})`;
}
