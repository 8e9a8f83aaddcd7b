// The signed-in user's access token: kept in localStorage, sent on every API call and on the live stream, refreshed
// before it expires; a 401 from the server ends the session and sends the user to the sign-in page.
import { api, ApiError, setApiHeader, setUnauthorizedHandler } from './api';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string | null;
  roles: string[];
}

export interface AuthState {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  user: AuthUser;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  user: AuthUser;
}

const STORAGE_KEY = 'serviceflow.auth';
const listeners = new Set<(state: AuthState | null) => void>();
let state: AuthState | null = load();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function load(): AuthState | null {
  try {
    const s = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as AuthState | null;
    return s && typeof s.accessToken === 'string' && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function publish(next: AuthState | null): void {
  state = next;
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  applyToken();
  for (const l of listeners) l(next);
}

/** The Authorization header value of the current session, or null without one. */
export function authorizationHeader(): string | null {
  return state ? `Bearer ${state.accessToken}` : null;
}

/** Sends the current token with every api() call and schedules its refresh. */
function applyToken(): void {
  setApiHeader('Authorization', authorizationHeader());
  scheduleRefresh();
}

function fromAnswer(answer: TokenAnswer): AuthState {
  return { accessToken: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, user: answer.user };
}

/** Refreshes a minute before expiry (or at half-life for short tokens); a failed refresh ends the session. */
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  if (!state) return;
  const left = state.expiresAt - Date.now();
  refreshTimer = setTimeout(() => void refresh(), Math.max(1_000, Math.min(left - 60_000, left / 2)));
}

async function refresh(): Promise<void> {
  if (!state) return;
  try {
    publish(fromAnswer(await api<TokenAnswer>('/api/auth/refresh', { method: 'POST', body: {} })));
  } catch (err) {
    // A 401 has ended the session already (the unauthorized handler); offline or a server error: try again later.
    if (!(err instanceof ApiError && err.status === 401)) scheduleRefresh();
  }
}

/** Whether the signed-in user may act in `role` (admins: in any). Without sign-in nothing is restricted here: the server decides. */
export function mayActAs(auth: AuthState | null, role: string): boolean {
  return !auth || auth.user.roles.includes('admin') || auth.user.roles.includes(role);
}

export const authStore = {
  get: (): AuthState | null => state,
  subscribe(listener: (state: AuthState | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Signs in; resolves false for wrong credentials, throws the ApiError otherwise (offline, too many attempts …). */
  async login(username: string, password: string): Promise<boolean> {
    try {
      publish(fromAnswer(await api<TokenAnswer>('/api/auth/login', { method: 'POST', body: { username, password } })));
      return true;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 400)) return false;
      throw err;
    }
  },
  logout(): void {
    publish(null);
  },
};

/** Where the browser goes when the server says the caller is not signed in. */
export function installAuth(redirectToLogin: (sessionEnded: boolean) => void): void {
  applyToken();
  setUnauthorizedHandler(() => {
    const hadSession = state !== null;
    publish(null);
    redirectToLogin(hadSession);
  });
}
