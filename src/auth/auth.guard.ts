// The global guard: resolves the caller, then applies the handler's @Access rule (401 without valid credentials,
// 403 without the role or scope). A handler without a rule is closed to everyone: nothing is open by accident.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { decideAccess } from './access-policy.util';
import type { Principal } from './principal';
import { endpointOf, scopesReaching } from './scope-reach';
import { PrincipalResolver } from './principal-resolver';

export type AuthenticatedRequest = Request & { principal?: Principal };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const resolved = await this.resolver.resolve({ authorization: header('authorization'), apiKey: header('x-api-key') });
    if (resolved === 'invalid') throw new DomainError(ErrorCode.Unauthenticated, 'the access token or API key is not valid (expired, revoked or malformed): sign in again or use another key');
    req.principal = resolved;
    if (!rule) throw new DomainError(ErrorCode.Forbidden, `${req.method} ${req.route?.path ?? req.path} declares no access rule, so nobody may call it`);
    const endpoint = endpointOf(req.method, (req.route as { path?: string } | undefined)?.path ?? req.path);
    const decision = decideAccess({ rule, principal: resolved, endpoint });
    if (decision === 'unauthenticated') throw new DomainError(ErrorCode.Unauthenticated, 'sign in (POST /api/auth/login, then Authorization: Bearer <token>) or send an X-API-Key');
    if (decision === 'forbidden') throw new DomainError(ErrorCode.Forbidden, describeForbidden(rule, resolved as Principal, endpoint));
    return true;
  }
}

function describeForbidden(rule: AccessRule, principal: Principal, endpoint: string): string {
  const scopes = scopesReaching(endpoint);
  if (principal.kind === 'apiKey') return scopes.length ? `this API key lacks the scope for this action (needs one of: ${scopes.join(', ')})` : 'API keys cannot do this; sign in as a user';
  return `your roles (${principal.roles.join(', ') || 'none'}) do not allow this (needs one of: ${['admin', ...(rule.roles ?? [])].join(', ')})`;
}
