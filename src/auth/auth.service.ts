// Password login → access token; failed logins say nothing about which part was wrong.
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import type { LoginDto } from './dto/auth.dto';
import { verifyPassword } from './password.util';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto) {
    const user = await this.users.findByUsername(dto.username.trim().toLowerCase());
    const ok = await verifyPassword({ stored: user?.active ? user.passwordHash : undefined, password: dto.password });
    if (!user || !ok) {
      await this.audit.record(null, { actor: `user:${dto.username.slice(0, 100)}`, action: 'auth.login_failed', targetType: 'user', targetId: user?.id ?? null });
      throw new DomainError(ErrorCode.Unauthenticated, 'username or password is wrong (or the account is deactivated)');
    }
    const accessToken = await this.tokens.issue(user);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_S, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } };
  }
}
