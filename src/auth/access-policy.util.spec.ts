// decideAccess: roles for users (admin passes everything), the scope table for API keys, public and authenticated rules.
import { decideAccess } from './access-policy.util';
import type { Principal } from './principal';
import { endpointOf, SCOPE_REACH } from './scope-reach';

const agent: Principal = { kind: 'user', id: 'u1', name: 'li', roles: ['agent'] };
const admin: Principal = { kind: 'user', id: 'u2', name: 'root', roles: ['admin'] };
const startKey: Principal = { kind: 'apiKey', id: 'k1', name: 'crm', scopes: ['start'] };
const readKey: Principal = { kind: 'apiKey', id: 'k2', name: 'bi', scopes: ['read'] };
const ANY = 'GET /api/anything';

describe('decideAccess', () => {
  it('lets anyone through a public rule', () => {
    expect(decideAccess({ rule: { public: true }, principal: undefined, endpoint: ANY })).toBe('allow');
  });

  it('asks anonymous callers to authenticate everywhere else', () => {
    expect(decideAccess({ rule: { roles: ['agent'] }, principal: undefined, endpoint: ANY })).toBe('unauthenticated');
    expect(decideAccess({ rule: { authenticated: true }, principal: undefined, endpoint: ANY })).toBe('unauthenticated');
  });

  it('checks user roles, with admin passing every role rule', () => {
    expect(decideAccess({ rule: { roles: ['agent', 'technician'] }, principal: agent, endpoint: ANY })).toBe('allow');
    expect(decideAccess({ rule: { roles: ['supervisor'] }, principal: agent, endpoint: ANY })).toBe('forbidden');
    expect(decideAccess({ rule: { roles: ['supervisor'] }, principal: admin, endpoint: ANY })).toBe('allow');
  });

  it('lets a key reach exactly the endpoints its scopes list', () => {
    const rule = { roles: ['agent' as const] };
    expect(decideAccess({ rule, principal: startKey, endpoint: 'POST /api/process-instances' })).toBe('allow');
    expect(decideAccess({ rule, principal: startKey, endpoint: 'GET /api/events' })).toBe('forbidden');
    expect(decideAccess({ rule, principal: readKey, endpoint: 'GET /api/events' })).toBe('allow');
    expect(decideAccess({ rule: { roles: ['admin'] }, principal: startKey, endpoint: 'GET /api/users' })).toBe('forbidden');
  });
});

describe('scope table', () => {
  it('writes endpoints as the OpenAPI document does', () => {
    expect(endpointOf('get', '/api/definitions/:key/xml')).toBe('GET /api/definitions/{key}/xml');
    for (const { endpoints } of Object.values(SCOPE_REACH)) for (const e of endpoints) expect(e).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/[\w/{}.-]+$/);
  });
});
