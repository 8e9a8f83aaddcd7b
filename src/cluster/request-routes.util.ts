// The requests that run a command of one instance, and how to find that instance from the path.
import type { OwnedRow } from './owner-lookup.repository';

export type RouteTarget = { kind: 'instance'; id: string } | { kind: OwnedRow; id: string };

const UUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

const ROUTES: { method: string; path: RegExp; kind: RouteTarget['kind'] }[] = [
  { method: 'POST', path: new RegExp(`^/api/tasks/${UUID}/(complete|claim|unclaim|delegate|resolve)$`), kind: 'task' },
  { method: 'PUT', path: new RegExp(`^/api/tasks/${UUID}/follow-up$`), kind: 'task' },
  { method: 'POST', path: new RegExp(`^/api/external-tasks/${UUID}/(complete|failure|bpmn-error)$`), kind: 'externalTask' },
  { method: 'POST', path: new RegExp(`^/api/incidents/${UUID}/(retry|resolve)$`), kind: 'incident' },
  { method: 'POST', path: new RegExp(`^/api/dispatch/process-instances/${UUID}/override$`), kind: 'instance' },
];

/** What a request acts on, when it is a command of one instance named (directly or through a row) by its path. */
export function routeTarget(method: string | undefined, url: string | undefined): RouteTarget | null {
  if (!url || (method !== 'POST' && method !== 'PUT')) return null;
  const path = url.split('?', 1)[0];
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) return { kind: route.kind, id: match[1].toLowerCase() };
  }
  return null;
}
