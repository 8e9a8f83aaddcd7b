// What each API-key scope reaches: the ONE table the guard checks keys against and the authorisation-matrix test
// walks. An endpoint is "METHOD /path" as the OpenAPI document writes it. Adding a scope = adding an entry here.
export const SCOPE_REACH = {
  start: {
    description: 'open requests (start process instances)',
    endpoints: ['POST /api/process-instances'],
  },
  messages: {
    description: 'send the messages a diagram marks public to waiting instances',
    endpoints: ['POST /api/messages', 'POST /api/signals'],
  },
  read: {
    description: 'read definitions, instances, tasks, surveys and the live event stream (with replay)',
    endpoints: [
      'GET /api/definitions',
      'GET /api/definitions/{key}',
      'GET /api/definitions/{key}/xml',
      'GET /api/service-handlers',
      'GET /api/sla/policies',
      'GET /api/sla/calendars',
      'GET /api/process-instances',
      'GET /api/process-instances/{id}',
      'GET /api/tasks',
      'GET /api/tasks/{id}',
      'GET /api/surveys',
      'GET /api/surveys/{id}',
      'GET /api/events',
      'GET /api/external-tasks',
      'GET /api/external-tasks/{id}',
    ],
  },
  'external-tasks': {
    description: 'external task workers: fetch and lock, complete, fail, throw BPMN errors, extend and release locks',
    endpoints: [
      'POST /api/external-tasks/fetch-and-lock',
      'GET /api/external-tasks',
      'GET /api/external-tasks/{id}',
      'POST /api/external-tasks/{id}/complete',
      'POST /api/external-tasks/{id}/failure',
      'POST /api/external-tasks/{id}/bpmn-error',
      'POST /api/external-tasks/{id}/extend-lock',
      'POST /api/external-tasks/{id}/unlock',
    ],
  },
} as const satisfies Record<string, { description: string; endpoints: readonly string[] }>;

export type KeyScope = keyof typeof SCOPE_REACH;
export const KEY_SCOPES = Object.keys(SCOPE_REACH) as KeyScope[];

/** "METHOD /path" of an Express route ("/api/tasks/:id" → "/api/tasks/{id}"), as the table and OpenAPI write it. */
export function endpointOf(method: string, routePath: string): string {
  return `${method.toUpperCase()} ${routePath.replace(/:(\w+)/g, '{$1}')}`;
}

/** True when one of the key's scopes reaches the endpoint. */
export function scopesReach(scopes: readonly KeyScope[], endpoint: string): boolean {
  return scopes.some((s) => (SCOPE_REACH[s]?.endpoints as readonly string[] | undefined)?.includes(endpoint));
}

/** The scopes that reach an endpoint (for the 403 message). */
export function scopesReaching(endpoint: string): KeyScope[] {
  return KEY_SCOPES.filter((s) => scopesReach([s], endpoint));
}
