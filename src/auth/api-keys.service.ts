// Integrator API keys (admins): create (the key is shown once), list, revoke; every change is audited with it.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { toPage, type PageQueryDto } from '../common/page.dto';
import { ApiKeyRepository } from './api-key.repository';
import { generateApiKey } from './api-key.util';
import { mapApiKey, type CreateApiKeyDto } from './dto/auth.dto';
import { actorOf, type Principal } from './principal';
import { PrincipalResolver } from './principal-resolver';
import { newRowId } from '../common/row-id';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly resolver: PrincipalResolver,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQueryDto) {
    return toPage(await this.keys.list(query), query, mapApiKey);
  }

  async create(by: Principal | undefined, dto: CreateApiKeyDto) {
    const { key, prefix, hash } = generateApiKey();
    const row = { id: newRowId(), name: dto.name, prefix, keyHash: hash, scopes: [...new Set(dto.scopes)], createdBy: actorOf(by), createdAt: this.clock.now(), lastUsedAt: null, revokedAt: null };
    await this.db.transaction(async (em) => {
      await this.keys.insert(em, row);
      await this.audit.record(em, { actor: actorOf(by), action: 'api_key.created', targetType: 'api_key', targetId: row.id, detail: { name: row.name, scopes: row.scopes } });
    });
    return { ...mapApiKey(row), key };
  }

  async revoke(by: Principal | undefined, id: string) {
    const row = await this.keys.findById(id);
    if (!row) throw DomainError.notFound('API key', id);
    const at = row.revokedAt ?? this.clock.now();
    if (!row.revokedAt) {
      await this.db.transaction(async (em) => {
        await this.keys.revoke(em, id, at);
        await this.audit.record(em, { actor: actorOf(by), action: 'api_key.revoked', targetType: 'api_key', targetId: id, detail: { name: row.name } });
      });
      this.resolver.forgetKeys();
    }
    return mapApiKey({ ...row, revokedAt: at });
  }
}
