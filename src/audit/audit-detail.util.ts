// What an audit entry keeps of a request: route parameters, short scalar body fields, and only the names of objects
// such as `variables` (values may be personal data); secrets never.
const SECRET = /password|secret|token|key$/i;
const MAX = 200;

export function requestDetail(input: { params?: Record<string, unknown>; body?: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.params ?? {})) if (typeof v === 'string') out[k] = v.slice(0, MAX);
  const body = input.body && typeof input.body === 'object' && !Array.isArray(input.body) ? (input.body as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(body)) {
    if (SECRET.test(k)) continue;
    if (typeof v === 'string') out[k] = v.slice(0, MAX);
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').slice(0, 20);
    else if (v && typeof v === 'object') out[k] = Object.keys(v).slice(0, 50);
  }
  return out;
}
