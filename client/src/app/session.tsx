// Who is working: a display name and a role, remembered in localStorage (a stand-in until login arrives with issue 6).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';

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

interface SessionValue extends Session {
  update(next: Partial<Session>): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session>(load);
  const value = useMemo<SessionValue>(
    () => ({
      ...session,
      update(next) {
        const merged = { ...session, ...next };
        localStorage.setItem(STORAGE_KEY, JSON.stringify(merged));
        setSession(merged);
      },
    }),
    [session],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
