// Short-lived access tokens (JWT, HS256): issued at login, verified on every request; the secret is shared by replicas.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { USER_ROLES, type Principal, type UserRole } from './principal';
import { loadTokenSecret } from './token-secret';

interface Claims {
  sub: string;
  name: string;
  roles: string[];
  /** When the user signed in (seconds); refreshing keeps it, so a session ends SESSION_MAX_AGE_S after sign-in. */
  auth_time: number;
}

@Injectable()
export class TokenService implements OnModuleInit {
  /**
   * The HS256 key as a KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a public key on
   * every verify, which cost more than the verification itself. (@nestjs/jwt passes the KeyObject through as is;
   * its per-call option type names only string and Buffer.)
   */
  private key?: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.key = createSecretKey(Buffer.from(loadTokenSecret(this.config)));
  }

  issue(user: { id: string; username: string; roles: string[] }, authTime: number = Math.floor(Date.now() / 1000)): Promise<string> {
    const claims: Claims = { sub: user.id, name: user.username, roles: user.roles, auth_time: authTime };
    return this.jwt.signAsync(claims, { secret: this.secret, expiresIn: this.config.ACCESS_TOKEN_TTL_S, algorithm: 'HS256' });
  }

  private get secret(): string {
    return this.key as unknown as string; // see `key`
  }

  /** The user a valid, unexpired token names; undefined for anything else (bad signature, expired, malformed). */
  async verify(token: string): Promise<Principal | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Claims>(token, { secret: this.secret, algorithms: ['HS256'] });
      const roles = (Array.isArray(claims.roles) ? claims.roles : []).filter((r): r is UserRole => (USER_ROLES as readonly string[]).includes(r));
      if (typeof claims.sub !== 'string' || typeof claims.name !== 'string') return undefined;
      return { kind: 'user', id: claims.sub, name: claims.name, roles, authTime: typeof claims.auth_time === 'number' ? claims.auth_time : 0 };
    } catch {
      return undefined;
    }
  }
}
