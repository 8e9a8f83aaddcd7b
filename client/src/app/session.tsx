// Who is working: the signed-in user and the role they act in now (one of their roles; admins may act in any),
// remembered in localStorage. Without a sign-in (a server that does not ask for one) a free name and role are used.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { authStore, type AuthState } from './auth-store';

export const ROLES = ['agent', 'technician', 'supervisor', 'manager', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  name: string;
  role: Role;
}

const STORAGE_KEY = 'serviceflow.session';

function load(): Session {
  try {
    const s = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    if (s && typeof s.name === 'string' && ROLES.includes(s.role as Role)) return { name: s.name, role: s.role as Role };
  } catch {
    // a damaged entry falls back to the default below
  }
  return { name: 'agent-1', role: 'agent' };
}

/** The roles a signed-in user may act in. */
export function rolesOf(auth: AuthState | null): Role[] {
  if (!auth) return [...ROLES];
  if (auth.user.roles.includes('admin')) return [...ROLES];
  return ROLES.filter((r) => auth.user.roles.includes(r));
}

interface SessionValue extends Session {
  /** The signed-in user, when there is one. */
  auth: AuthState | null;
  /** Roles the role picker offers. */
  roles: Role[];
  update(next: Partial<Session>): void;
  logout(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [stored, setStored] = useState<Session>(load);
  const [auth, setAuth] = useState<AuthState | null>(authStore.get());
  useEffect(() => authStore.subscribe(setAuth), []);
  const value = useMemo<SessionValue>(() => {
    const roles = rolesOf(auth);
    const role = roles.includes(stored.role) ? stored.role : (roles[0] ?? stored.role);
    const name = auth ? auth.user.username : stored.name;
    return {
      name,
      role,
      auth,
      roles,
      update(next) {
        const merged = { ...stored, ...next };
        localStorage.setItem(STORAGE_KEY, JSON.stringify(merged));
        setStored(merged);
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
