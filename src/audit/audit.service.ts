// Records who did what (in the caller's transaction when it has one) and lets admins read it back.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AuditRepository } from './audit.repository';
import { mapAuditEntry, type AuditQueryDto } from './dto/audit.dto';
import { toPage } from '../common/page.dto';
import { auditCsv } from './audit-csv.util';
import { pendingAudit, type PendingAudit } from './audit-request';

export interface AuditRecord {
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown> | null;
}

const EXPORT_MAX = 10_000;

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(em: EntityManager | null, entry: AuditRecord): Promise<void> {
    return this.audit.insert(em, { at: this.clock.now(), actor: entry.actor, action: entry.action, targetType: entry.targetType, targetId: entry.targetId ?? null, detail: entry.detail ?? null });
  }

  /**
   * Writes the entry the current @Audited request owes, in `em` (its transaction), naming `target` or else the route's
   * id. Once per target per request; nothing outside an audited request.
   */
  async forRequest(em: EntityManager | null, target?: { targetType: string; targetId: string | null; detail?: Record<string, unknown> }): Promise<void> {
    const pending = pendingAudit();
    if (!pending) return;
    const key = `${target?.targetType ?? pending.targetType}:${target?.targetId ?? pending.targetId}`;
    if (pending.instances.has(key)) return;
    await this.write(em, pending, target);
    pending.instances.add(key);
  }

  /** Before a command transaction commits: the request's entry, if nothing in it has written one yet. */
  async flushRequest(em: EntityManager): Promise<void> {
    const pending = pendingAudit();
    if (pending && pending.written === 0) await this.write(em, pending);
  }

  /** After an `afterSuccess` handler answered without a transaction of ours having written its entry. */
  async afterSuccess(pending: PendingAudit): Promise<void> {
    if (pending.written === 0) await this.write(null, pending);
  }

  private async write(em: EntityManager | null, pending: PendingAudit, target?: { targetType: string; targetId: string | null; detail?: Record<string, unknown> }): Promise<void> {
    const detail = { ...pending.detail, ...target?.detail };
    await this.record(em, { actor: pending.actor, action: pending.action, targetType: target?.targetType ?? pending.targetType, targetId: target?.targetId ?? pending.targetId, detail });
    pending.written++;
  }

  /** The entries the filters select, newest first, as CSV (at most `EXPORT_MAX` rows: narrow the dates for more). */
  async exportCsv(query: AuditQueryDto): Promise<string> {
    const result = await this.audit.list({ ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined, limit: EXPORT_MAX, offset: 0 });
    return auditCsv(result.items);
  }

  async list(query: AuditQueryDto) {
    const result = await this.audit.list({ ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined });
    return toPage(result, query, mapAuditEntry);
  }
}
