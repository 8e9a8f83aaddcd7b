// Who is calling: a signed-in user (roles) or an integrator's API key (scopes); attached to the request by the guard.
export const USER_ROLES = ['admin', 'analyst', 'agent', 'technician', 'supervisor', 'manager'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const KEY_SCOPES = ['start', 'messages', 'read', 'external-tasks'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export type Principal =
  | { kind: 'user'; id: string; name: string; roles: UserRole[]; authTime?: number }
  | { kind: 'apiKey'; id: string; name: string; scopes: KeyScope[] };

/** How the principal appears in the audit log and in "by" fields. */
export function actorOf(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.name}` : `key:${principal.name}`;
}
