// The decision itself, pure: may this principal call a handler guarded by this rule?
import type { AccessRule } from './access.decorator';
import type { Principal } from './principal';

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess({ rule, principal }: { rule: AccessRule; principal: Principal | undefined }): Decision {
  if (rule.public) return 'allow';
  if (!principal) return 'unauthenticated';
  if (rule.authenticated) return 'allow';
  if (principal.kind === 'user') {
    if (principal.roles.includes('admin')) return 'allow';
    return rule.roles?.some((r) => principal.roles.includes(r)) ? 'allow' : 'forbidden';
  }
  return rule.scopes?.some((s) => principal.scopes.includes(s)) ? 'allow' : 'forbidden';
}
