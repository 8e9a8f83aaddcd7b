// The audit entry a request owes: who acts and what the handler does, carried through the request's async calls so the
// transaction that makes the change writes the entry (see AuditInterceptor, AuditParticipant, CommandTransactions).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface PendingAudit {
  readonly actor: string;
  readonly action: string;
  /** What the request names (route parameter `id`), when no command names a process instance. */
  readonly targetType: string;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown>;
  /** Process instances already audited by this request (one entry each). */
  readonly instances: Set<string>;
  written: number;
  /** The handler has answered: work it left running (wake-ups, relays) is no longer the request's. */
  closed: boolean;
}

const storage = new AsyncLocalStorage<PendingAudit>();

export function runAudited<T>(pending: PendingAudit, fn: () => T): T {
  return storage.run(pending, fn);
}

/** The open audit of the current request, if its handler is @Audited. */
export function pendingAudit(): PendingAudit | undefined {
  const pending = storage.getStore();
  return pending && !pending.closed ? pending : undefined;
}
