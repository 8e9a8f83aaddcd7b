// The decision itself, pure: may this principal call this endpoint, guarded by this rule?
import type { AccessRule } from './access.decorator';
import type { Principal } from './principal';
import { scopesReach } from './scope-reach';

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** `endpoint` is "METHOD /path" (see endpointOf): API keys are checked against the scope table. */
export function decideAccess({ rule, principal, endpoint }: { rule: AccessRule; principal: Principal | undefined; endpoint: string }): Decision {
  if (rule.public) return 'allow';
  if (!principal) return 'unauthenticated';
  if (rule.authenticated) return 'allow';
  if (principal.kind === 'user') {
    if (principal.roles.includes('admin')) return 'allow';
    return rule.roles?.some((r) => principal.roles.includes(r)) ? 'allow' : 'forbidden';
  }
  return scopesReach(principal.scopes, endpoint) ? 'allow' : 'forbidden';
}
