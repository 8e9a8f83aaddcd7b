// The first admin: when no user exists, creates `admin` (ADMIN_PASSWORD, or a random password returned once so that
// `npm start` can print it and write it to DATA_DIR/admin-credentials). Replicas racing create it once.
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { hashPassword } from './password.util';
import { UserRepository } from './user.repository';
import { newRowId } from '../common/row-id';

export const ADMIN_USERNAME = 'admin';

@Injectable()
export class AdminBootstrap {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The generated credentials when this call created the admin with a random password; null otherwise. */
  async ensureAdmin(): Promise<{ username: string; password: string } | null> {
    if ((await this.users.count()) > 0) return null;
    const generated = !this.config.ADMIN_PASSWORD;
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
    const now = this.clock.now();
    const id = newRowId();
    const created = await this.users.insertIfAbsent(null, { id, username: ADMIN_USERNAME, displayName: 'Administrator', passwordHash: await hashPassword(password), roles: ['admin'], active: true, createdAt: now, updatedAt: now });
    if (!created) return null;
    await this.audit.record(null, { actor: 'system', action: 'user.created', targetType: 'user', targetId: id, detail: { username: ADMIN_USERNAME, roles: ['admin'], bootstrap: true } });
    return generated ? { username: ADMIN_USERNAME, password } : null;
  }
}
