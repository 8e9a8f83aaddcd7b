// The authorisation matrix: every endpoint of the OpenAPI document × every role, no credentials, and each API-key
// scope; each answer must be exactly "allowed" (anything but 401/403), 401 or 403. For users the policy is written out
// by hand below, independent of the @Access decorators it checks; for API keys the test walks the one scope table
// (src/auth/scope-reach.ts) that the guard applies, so a scope reaches exactly what that table lists.
import type { AddressInfo } from 'node:net';
import { KEY_SCOPES, SCOPE_REACH, type KeyScope } from '../../src/auth/scope-reach';
import { startTestApp, type TestApp } from '../support/app';

const ROLES = ['admin', 'analyst', 'agent', 'technician', 'supervisor', 'manager'] as const;
const SCOPES: readonly KeyScope[] = KEY_SCOPES;
type Caller = 'anonymous' | (typeof ROLES)[number] | `key:${KeyScope}`;
const CALLERS: Caller[] = ['anonymous', ...ROLES, ...SCOPES.map((s) => `key:${s}` as const)];

const EVERYONE: Caller[] = [...CALLERS];
const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const STAFF: Caller[] = ['admin', 'analyst', 'agent', 'technician', 'supervisor', 'manager'];
const FRONT_LINE: Caller[] = ['admin', 'agent', 'technician', 'supervisor', 'manager'];
const LEADS: Caller[] = ['admin', 'supervisor', 'manager'];
const ADMIN: Caller[] = ['admin'];
/** External task work: keys with `external-tasks`; of the users only admins (not the admin console, so not ADMIN). */
const WORKERS: Caller[] = ['admin'];

/** Who may call each endpoint ("METHOD /path" as the OpenAPI document writes it); keys also reach what their scope lists. */
const POLICY: Record<string, Caller[]> = {
  'GET /health': EVERYONE,
  'GET /health/live': EVERYONE,
  'GET /health/ready': EVERYONE,
  'GET /metrics': EVERYONE,
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/refresh': STAFF,
  'GET /api/auth/me': SIGNED_IN,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{id}': ADMIN,
  'GET /api/api-keys': ADMIN,
  'POST /api/api-keys': ADMIN,
  'DELETE /api/api-keys/{id}': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/audit/export': ADMIN,
  'GET /api/webhooks': ADMIN,
  'POST /api/webhooks': ADMIN,
  'GET /api/webhooks/{id}': ADMIN,
  'DELETE /api/webhooks/{id}': ADMIN,
  'POST /api/webhooks/{id}/test': ADMIN,
  'GET /api/webhooks/{id}/deliveries': ADMIN,
  'POST /api/definitions': ['admin', 'analyst'],
  'POST /api/definitions/preview': ['admin', 'analyst'],
  'POST /api/definitions/import': ['admin', 'analyst'],
  'POST /api/definitions/import/preview': ['admin', 'analyst'],
  'GET /api/groups': ['admin', 'analyst'],
  'POST /api/groups': ADMIN,
  'DELETE /api/groups/{id}': ADMIN,
  'PUT /api/groups/{id}/members/{username}': ADMIN,
  'DELETE /api/groups/{id}/members/{username}': ADMIN,
  'GET /api/definitions': [...STAFF],
  'GET /api/definitions/{key}': [...STAFF],
  'GET /api/definitions/{key}/xml': [...STAFF],
  'GET /api/service-handlers': [...STAFF],
  'GET /api/sla/policies': [...STAFF],
  'GET /api/sla/calendars': [...STAFF],
  'GET /api/sla/clocks': LEADS,
  'POST /api/process-instances': ['admin', 'agent', 'supervisor', 'manager'],
  'GET /api/process-instances': [...STAFF],
  'GET /api/process-instances/{id}': [...STAFF],
  'DELETE /api/process-instances/{id}': LEADS,
  'POST /api/migration/generate': LEADS,
  'POST /api/migration/validate': LEADS,
  'POST /api/migration/execute': LEADS,
  'POST /api/migration/executeAsync': LEADS,
  'POST /api/batches': LEADS,
  'GET /api/batches/{id}': LEADS,
  'POST /api/messages': [...FRONT_LINE],
  'GET /api/messages/awaited': [...FRONT_LINE],
  'POST /api/signals': [...FRONT_LINE],
  'GET /api/admin/stuck-instances': ADMIN,
  'GET /api/tasks': [...FRONT_LINE],
  'GET /api/tasks/{id}': [...FRONT_LINE],
  'POST /api/tasks/{id}/claim': FRONT_LINE,
  'POST /api/tasks/{id}/complete': FRONT_LINE,
  'POST /api/tasks/{id}/unclaim': FRONT_LINE,
  'POST /api/tasks/{id}/delegate': FRONT_LINE,
  'POST /api/tasks/{id}/resolve': FRONT_LINE,
  'PUT /api/tasks/{id}/follow-up': FRONT_LINE,
  'GET /api/tasks/{id}/candidates': FRONT_LINE,
  'GET /api/task-filters': [...FRONT_LINE],
  'POST /api/task-filters': [...FRONT_LINE],
  'DELETE /api/task-filters/{id}': [...FRONT_LINE],
  'GET /api/escalations': LEADS,
  'GET /api/board/alerts': LEADS,
  'POST /api/board/alerts/acknowledge': LEADS,
  'GET /api/board/next-levels': LEADS,
  'GET /api/escalations/{id}': LEADS,
  'POST /api/escalations/{id}/acknowledge': LEADS,
  'POST /api/escalations/{id}/reassign': LEADS,
  'POST /api/escalations/{id}/resolve': LEADS,
  'GET /api/incidents': LEADS,
  'GET /api/incidents/{id}': LEADS,
  'POST /api/incidents/{id}/retry': LEADS,
  'POST /api/incidents/{id}/resolve': LEADS,
  'GET /api/events': [...STAFF],
  'POST /api/external-tasks/fetch-and-lock': WORKERS,
  'GET /api/external-tasks': LEADS,
  'GET /api/external-tasks/{id}': LEADS,
  'POST /api/external-tasks/{id}/complete': WORKERS,
  'POST /api/external-tasks/{id}/failure': WORKERS,
  'POST /api/external-tasks/{id}/bpmn-error': WORKERS,
  'POST /api/external-tasks/{id}/extend-lock': WORKERS,
  'POST /api/external-tasks/{id}/unlock': WORKERS,
  'GET /api/kpis': [...LEADS, 'analyst'],
  'GET /api/kpis/compare': [...LEADS, 'analyst'],
  'GET /api/kpis/report': [...LEADS, 'analyst'],
  'GET /api/kpis/report.csv': [...LEADS, 'analyst'],
  'GET /api/surveys': [...LEADS, 'analyst'],
  'GET /api/surveys/{id}': [...LEADS, 'analyst'],
  'GET /api/public/surveys/{token}': EVERYONE,
  'POST /api/public/surveys/{token}': EVERYONE,
  'GET /api/process-instances/{id}/notifications': [...STAFF],
  'POST /api/process-instances/{id}/notifications/{deliveryId}/retry': LEADS,
  'GET /api/public/status/{token}': EVERYONE,
  'POST /api/public/status/{token}/quote': EVERYONE,
  'POST /api/public/status/{token}/opt-out': EVERYONE,
  'GET /api/people': [...FRONT_LINE],
  'GET /api/dispatch/technicians': LEADS,
  'GET /api/dispatch/technicians/{username}': LEADS,
  'PUT /api/dispatch/technicians/{username}': ADMIN,
  'DELETE /api/dispatch/technicians/{username}': ADMIN,
  'POST /api/dispatch/process-instances/{id}/override': LEADS,
  'GET /api/process-instances/{id}/notes': [...STAFF],
  'POST /api/process-instances/{id}/comments': FRONT_LINE,
  'POST /api/process-instances/{id}/attachments': FRONT_LINE,
  'GET /api/process-instances/{id}/attachments/{attachmentId}/content': [...STAFF],
  'GET /api/demo': [...STAFF],
  'POST /api/demo/remove': ADMIN,
  'GET /api/simulations/model': [...LEADS, 'analyst'],
  'POST /api/simulations': ['admin', 'analyst'],
  'GET /api/simulations/{id}': ['admin', 'analyst'],
};

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('authorisation matrix', () => {
  let t: TestApp;
  let baseUrl: string;
  const credentials = new Map<Caller, Record<string, string>>();
  let operations: { method: string; path: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    credentials.set('anonymous', {});
    for (const role of ROLES) {
      const token = role === 'admin' ? t.adminToken : (await t.as(`matrix-${role}`, [role])).token;
      credentials.set(role, { authorization: `Bearer ${token}` });
    }
    for (const scope of SCOPES) credentials.set(`key:${scope}`, { 'x-api-key': await t.apiKey([scope]) });
    const doc = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it('has a policy line for every endpoint, and an endpoint for every policy line', () => {
    const listed = operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(listed).toEqual(Object.keys(POLICY).sort());
  });

  it('lists in the scope table only endpoints that exist, none of them an admin one', () => {
    const listed = new Set(operations.map((o) => `${o.method} ${o.path}`));
    for (const scope of SCOPES) for (const endpoint of SCOPE_REACH[scope].endpoints) {
      expect(listed.has(endpoint) ? endpoint : `missing: ${endpoint}`).toBe(endpoint);
      expect(POLICY[endpoint]).not.toBe(ADMIN); // the admin console's lines
    }
  });

  it('answers every caller on every endpoint as the policy says', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path } of operations) {
      const endpoint = `${method} ${path}`;
      const allowed = [...(POLICY[endpoint] ?? []), ...SCOPES.filter((s) => (SCOPE_REACH[s].endpoints as readonly string[]).includes(endpoint)).map((s) => `key:${s}` as const)];
      const url = baseUrl + path.replace(/\{[^}]+\}/g, SAMPLE_ID);
      for (const caller of CALLERS) {
        const abort = new AbortController();
        const res = await fetch(url, {
          method,
          headers: { ...credentials.get(caller), ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
          signal: abort.signal,
        });
        abort.abort(); // the live stream never ends by itself; the status is all we need
        const expected = allowed.includes(caller) ? 'allowed' : caller === 'anonymous' ? '401' : '403';
        const actual = res.status === 401 ? '401' : res.status === 403 ? '403' : 'allowed';
        if (res.status >= 500) wrong.push(`${caller} ${method} ${path}: ${res.status}`);
        else if (expected !== actual) wrong.push(`${caller} ${method} ${path}: expected ${expected}, got ${res.status}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(operations.length * CALLERS.length);
  });
});
