// Instances picked on the list for a bulk action: the selection, "all matching the filter", and the hand-over to the
// migration screen (sessionStorage, since a selection may hold thousands of ids).
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import type { InstanceSummary, Page } from '../app/types';

export type Picked = Pick<InstanceSummary, 'id' | 'businessKey' | 'definitionKey' | 'definitionVersion' | 'activeActivityIds'>;
const PAGE = 200;
const MAX = 10_000; // the batch API's limit
const HANDOVER_KEY = 'serviceflow.migration.selection';

export function labelOf(i: Pick<Picked, 'id' | 'businessKey'>): string {
  return i.businessKey ?? i.id.slice(0, 8);
}

export function useSelection() {
  const [picked, setPicked] = useState<Map<string, Picked>>(new Map());
  return {
    picked,
    has: (id: string) => picked.has(id),
    toggle(i: Picked) {
      const next = new Map(picked);
      if (next.has(i.id)) next.delete(i.id);
      else next.set(i.id, i);
      setPicked(next);
    },
    set: (items: Picked[]) => setPicked(new Map(items.map((i) => [i.id, i]))),
    clear: () => setPicked(new Map()),
  };
}

/** Every instance the list's filter matches (paged through, at most the batch limit). */
export async function allMatching(filters: Record<string, string>): Promise<Picked[]> {
  const out: Picked[] = [];
  for (let offset = 0; offset < MAX; offset += PAGE) {
    const page = await api<Page<InstanceSummary>>('/api/process-instances', { query: { ...filters, limit: PAGE, offset } });
    out.push(...page.items);
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return out;
}

export function handOver(items: Picked[]): void {
  sessionStorage.setItem(HANDOVER_KEY, JSON.stringify(items));
}

/** The selection the instances list handed to the migration screen (read once). */
export function takeHandover(): Picked[] | null {
  const raw = sessionStorage.getItem(HANDOVER_KEY);
  sessionStorage.removeItem(HANDOVER_KEY);
  try {
    return raw ? (JSON.parse(raw) as Picked[]) : null;
  } catch {
    return null;
  }
}
