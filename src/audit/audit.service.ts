// Records who did what (in the caller's transaction when it has one) and lets admins read it back.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AuditRepository } from './audit.repository';
import { mapAuditEntry, type AuditQueryDto } from './dto/audit.dto';
import { toPage } from '../common/page.dto';

export interface AuditRecord {
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(em: EntityManager | null, entry: AuditRecord): Promise<void> {
    return this.audit.insert(em, { at: this.clock.now(), actor: entry.actor, action: entry.action, targetType: entry.targetType, targetId: entry.targetId ?? null, detail: entry.detail ?? null });
  }

  async list(query: AuditQueryDto) {
    const result = await this.audit.list({ ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined });
    return toPage(result, query, mapAuditEntry);
  }
}
