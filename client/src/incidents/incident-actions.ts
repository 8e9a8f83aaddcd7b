// Retry or resolve one incident or a selection of them, one request each; every incident gets its own outcome line.
import { api } from '../app/api';

export interface ResolveInput {
  note: string;
  variables: Record<string, unknown>;
}

export type Outcome = { ok: true; status: string } | { ok: false; error: string };

/** The variables text as an object; empty is none, anything but a JSON object is refused with a message. */
export function parseVariables(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('variables must be a JSON object');
  return value as Record<string, unknown>;
}

export async function act(ids: string[], action: 'retry' | 'resolve', input?: ResolveInput): Promise<Record<string, Outcome>> {
  const out: Record<string, Outcome> = {};
  for (const id of ids) {
    const body = action === 'retry' ? (input && Object.keys(input.variables).length ? { variables: input.variables } : {}) : { note: input?.note ?? '', ...(input && Object.keys(input.variables).length && { variables: input.variables }) };
    try {
      out[id] = { ok: true, status: (await api<{ status: string }>(`/api/incidents/${id}/${action}`, { method: 'POST', body })).status };
    } catch (err) {
      out[id] = { ok: false, error: (err as Error).message };
    }
  }
  return out;
}
