// Which roles' events a caller may receive on the live stream: only roles they hold (admins: any); API keys get the
// events meant for everyone.
import type { Principal } from '../../auth/principal';
import { DomainError, ErrorCode } from '../../common/domain-error';

export function streamRolesFor({ principal, requested }: { principal: Principal | undefined; requested: string[] }): string[] {
  if (!principal || principal.kind === 'apiKey') {
    if (requested.length) throw new DomainError(ErrorCode.Forbidden, 'API keys receive the events meant for everyone; leave out roles');
    return [];
  }
  if (principal.roles.includes('admin')) return requested;
  const foreign = requested.filter((r) => !(principal.roles as string[]).includes(r));
  if (foreign.length) throw new DomainError(ErrorCode.Forbidden, `you do not hold the role(s) ${foreign.join(', ')}; ask only for your own (${principal.roles.join(', ') || 'none'})`);
  return requested;
}
