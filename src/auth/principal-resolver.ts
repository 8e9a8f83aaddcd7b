// Reads the caller from the request: `Authorization: Bearer <token>` or `X-API-Key: <key>` (a key is cached for 10 s,
// so a revocation reaches every replica within that time without a query per request).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ApiKeyRepository } from './api-key.repository';
import { hashApiKey, looksLikeApiKey } from './api-key.util';
import { KEY_SCOPES, type KeyScope, type Principal } from './principal';
import { TokenService } from './token.service';

const KEY_CACHE_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;

export type Credentials = { authorization?: string; apiKey?: string };

@Injectable()
export class PrincipalResolver {
  private readonly keys = new Map<string, { principal: Principal | undefined; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  /** The principal, undefined when no credentials were sent, or 'invalid' when they were sent but are not valid. */
  async resolve(credentials: Credentials): Promise<Principal | undefined | 'invalid'> {
    if (credentials.authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization.trim());
      if (!match) return 'invalid';
      return (await this.tokens.verify(match[1])) ?? 'invalid';
    }
    if (credentials.apiKey) return (await this.keyPrincipal(credentials.apiKey.trim())) ?? 'invalid';
    return undefined;
  }

  private async keyPrincipal(key: string): Promise<Principal | undefined> {
    if (!looksLikeApiKey(key)) return undefined;
    const hash = hashApiKey(key);
    const now = this.clock.now().getTime();
    const cached = this.keys.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const row = await this.apiKeys.findActiveByHash(hash);
    const principal: Principal | undefined = row ? { kind: 'apiKey', id: row.id, name: row.name, scopes: row.scopes.filter((s): s is KeyScope => (KEY_SCOPES as readonly string[]).includes(s)) } : undefined;
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(hash, { principal, until: now + KEY_CACHE_MS });
    if (row && (this.touched.get(row.id) ?? 0) + TOUCH_EVERY_MS < now) {
      this.touched.set(row.id, now);
      void this.apiKeys.touch(row.id, new Date(now)).catch(() => undefined);
    }
    return principal;
  }

  /** Forget cached keys (this replica): called after a revocation so it takes effect here at once. */
  forgetKeys(): void {
    this.keys.clear();
  }
}
