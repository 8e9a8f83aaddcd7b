// Password login → access token; failed logins say nothing about which part was wrong.
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import type { UserEntity } from '../database/entities/user.entity';
import type { LoginDto } from './dto/auth.dto';
import type { Principal } from './principal';
import { verifyPassword } from './password.util';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { LoginThrottle } from './login-throttle';
import { normalizeUsername } from './username.util';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(dto: LoginDto, ip?: string) {
    await this.throttle.check({ username: dto.username, ip });
    const user = await this.users.findByUsername(normalizeUsername(dto.username));
    const ok = await verifyPassword({ stored: user?.active ? user.passwordHash : undefined, password: dto.password });
    if (!user || !ok) {
      await this.audit.record(null, { actor: `user:${dto.username.slice(0, 100)}`, action: 'auth.login_failed', targetType: 'user', targetId: user?.id ?? null });
      throw new DomainError(ErrorCode.Unauthenticated, 'username or password is wrong (or the account is deactivated)');
    }
    return this.answer(user, Math.floor(Date.now() / 1000));
  }

  /** A fresh token for a signed-in user who is still active, with their current roles, within the session's maximum age. */
  async refresh(principal: Principal) {
    if (principal.kind !== 'user') throw new DomainError(ErrorCode.Forbidden, 'API keys do not need refreshing');
    const authTime = principal.authTime ?? 0;
    if (Date.now() / 1000 - authTime > this.config.SESSION_MAX_AGE_S) throw new DomainError(ErrorCode.Unauthenticated, 'the session is older than SESSION_MAX_AGE_S: sign in again');
    const user = await this.users.findById(principal.id);
    if (!user?.active) throw new DomainError(ErrorCode.Unauthenticated, 'the account is deactivated or gone: sign in again');
    return this.answer(user, authTime);
  }

  private async answer(user: UserEntity, authTime: number) {
    const accessToken = await this.tokens.issue(user, authTime);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_S, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } };
  }
}
