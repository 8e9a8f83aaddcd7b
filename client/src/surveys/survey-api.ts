// The survey page's view of the public survey API, and how its 4xx answers map to the page's end states.
import { api, ApiError } from '../app/api';

/** What the server started after a low score: a supervisor's call-back, a complaint, or nothing. */
export type Recovery = 'callback' | 'complaint' | null;

export interface PublicSurvey {
  status: 'open';
  customerName: string | null;
  about: string | null;
  process: string | null;
  expiresAt: string | null;
  dimensions: string[];
  suggestionsMax: number;
}

export interface SurveyAnswer {
  scores: Record<string, number>;
  overall: number;
  nps: number;
  suggestions?: string;
  wantsComplaint?: boolean;
}

export type ClosedState = 'answered' | 'expired' | 'unknown';

const path = (token: string) => `/api/public/surveys/${encodeURIComponent(token)}`;

export const loadSurvey = (token: string) => api<PublicSurvey>(path(token));

export const sendAnswer = (token: string, answer: SurveyAnswer) =>
  api<{ status: 'answered'; recovery: Recovery }>(path(token), { method: 'POST', body: answer });

/** 404 unknown link, 409 already answered, 410 expired; anything else is a real error. */
export function closedStateOf(error: unknown): ClosedState | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'unknown';
  if (error.status === 409) return 'answered';
  if (error.status === 410) return 'expired';
  return null;
}
