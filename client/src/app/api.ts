// The one way the client talks to the ServiceFlow API: JSON in and out, errors as ApiError with the server's details.
export interface FieldProblem {
  field?: string;
  elementId?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown = undefined,
    readonly correlationId?: string,
  ) {
    super(message);
  }

  /** The server's per-field (or per-element) problems, when the answer carried them. */
  get problems(): FieldProblem[] {
    return Array.isArray(this.details) ? (this.details as FieldProblem[]) : [];
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Read the answer as text (e.g. BPMN XML) instead of JSON. */
  text?: boolean;
}

/** Extra headers on every request (issue 6 adds the bearer token here). */
const extraHeaders: Record<string, string> = {};
export function setApiHeader(name: string, value: string | null): void {
  if (value === null) delete extraHeaders[name];
  else extraHeaders[name] = value;
}

/** The headers every request carries (the bearer token), for a fetch that api() does not cover (a file download). */
export function apiHeaders(): Record<string, string> {
  return { ...extraHeaders };
}

/** Called when the server answers 401 (not signed in, or the session ended). */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function messageOf(body: unknown, status: number): string {
  const m = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(m)) return m.join('; ');
  if (typeof m === 'string') return m;
  return `HTTP ${status}`;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, options, false);
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<T> {
  const sentAuthorization = extraHeaders.Authorization;
  const headers: Record<string, string> = { Accept: options.text ? 'application/xml, text/plain' : 'application/json', ...extraHeaders };
  // A FormData body (a file upload) goes as multipart: the browser sets its Content-Type with the boundary.
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'network');
  }
  const raw = await response.text();
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = { message: raw };
    }
    const b = body as { details?: unknown; correlationId?: string } | null;
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      // The sign-in race: a request sent before signing in (or with a token since replaced) is refused after the new
      // session began. That 401 is about credentials no longer in use: ask again with the current ones, and end the
      // session only when the server refuses the credentials it has now.
      if (!retried && extraHeaders.Authorization && extraHeaders.Authorization !== sentAuthorization) return send<T>(path, options, true);
      if (extraHeaders.Authorization === sentAuthorization) onUnauthorized?.();
    }
    throw new ApiError(response.status, messageOf(body, response.status), b?.details, b?.correlationId);
  }
  if (options.text) return raw as T;
  return (raw ? JSON.parse(raw) : undefined) as T;
}
