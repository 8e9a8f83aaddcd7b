// Positions in the outbox's commit-safe read order (txid, id), and the shape of a read outbox row.

/** A place in the outbox read order: the writing transaction's id, then the row id (both bigint as text). */
export interface OutboxPosition {
  txid: string;
  id: string;
}

export interface OutboxRecord extends OutboxPosition {
  instanceId: string | null;
  type: string;
  /** Roles allowed to see the event on the live stream; empty = everyone. */
  roles: string[];
  payload: Record<string, unknown>;
  createdAt: Date;
}

export const START_OF_OUTBOX: OutboxPosition = { txid: '0', id: '0' };

/** Negative when a comes before b in the read order, positive after, 0 at the same row. */
export function comparePositions(a: OutboxPosition, b: OutboxPosition): number {
  const t = BigInt(a.txid) - BigInt(b.txid);
  const d = t !== 0n ? t : BigInt(a.id) - BigInt(b.id);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
