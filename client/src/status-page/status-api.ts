// The status page's view of the public status API (by the token from a notification link).
import { api, ApiError } from '../app/api';

export interface Step {
  activityId: string;
  name: string;
  /** The task's name in other languages (name.<locale> of its element), when the task row has them. */
  names?: Record<string, string> | null;
  at?: string | null;
}

export interface PublicComment {
  body: string;
  author: string;
  at: string;
}

export interface PublicStatus {
  language: 'en' | 'zh-CN';
  reference: string | null;
  status: string;
  done: Step[];
  next: Step[];
  technician: string | null;
  appointmentAt: string | null;
  quote: { amount: number | null; open: boolean; accepted: boolean | null } | null;
  optedOut: boolean;
  comments: PublicComment[];
}

const path = (token: string) => `/api/public/status/${encodeURIComponent(token)}`;

export const loadStatus = (token: string) => api<PublicStatus>(path(token));

export const answerQuote = (token: string, accepted: boolean, reason?: string) =>
  api<PublicStatus>(`${path(token)}/quote`, { method: 'POST', body: { accepted, reason } });

export const optOut = (token: string) => api<PublicStatus>(`${path(token)}/opt-out`, { method: 'POST', body: {} });

/** 404 wrong link, 410 expired; anything else is a real error. */
export function linkStateOf(error: unknown): 'unknown' | 'expired' | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'unknown';
  if (error.status === 410) return 'expired';
  return null;
}
