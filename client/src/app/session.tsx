// Who is working: the signed-in user and the role they act in now (one of their roles; admins may act in any),
// the role remembered in localStorage.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { authStore, mayActAs, type AuthState } from './auth-store';

export const ROLES = ['agent', 'technician', 'supervisor', 'manager', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  /** The signed-in user's username ('' before sign-in). */
  name: string;
  role: Role;
}

const STORAGE_KEY = 'serviceflow.session';

function loadRole(): Role {
  try {
    const s = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { role?: unknown } | null;
    if (s && ROLES.includes(s.role as Role)) return s.role as Role;
  } catch {
    // a damaged entry falls back to the default below
  }
  return 'agent';
}

/** The roles a signed-in user may act in. */
export function rolesOf(auth: AuthState | null): Role[] {
  return ROLES.filter((r) => mayActAs(auth, r));
}

interface SessionValue extends Session {
  /** The signed-in user, when there is one. */
  auth: AuthState | null;
  /** Roles the role picker offers. */
  roles: Role[];
  update(next: { role: Role }): void;
  logout(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [stored, setStored] = useState<Role>(loadRole);
  const [auth, setAuth] = useState<AuthState | null>(authStore.get());
  useEffect(() => authStore.subscribe(setAuth), []);
  const value = useMemo<SessionValue>(() => {
    const roles = rolesOf(auth);
    return {
      name: auth?.user.username ?? '',
      role: roles.includes(stored) ? stored : (roles[0] ?? stored),
      auth,
      roles,
      update({ role }) {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ role }));
        setStored(role);
      },
      logout: () => authStore.logout(),
    };
  }, [stored, auth]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
