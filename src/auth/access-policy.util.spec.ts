// decideAccess: roles for users (admin passes everything), scopes for API keys, public and authenticated rules.
import { decideAccess } from './access-policy.util';
import type { Principal } from './principal';

const agent: Principal = { kind: 'user', id: 'u1', name: 'li', roles: ['agent'] };
const admin: Principal = { kind: 'user', id: 'u2', name: 'root', roles: ['admin'] };
const startKey: Principal = { kind: 'apiKey', id: 'k1', name: 'crm', scopes: ['start'] };

describe('decideAccess', () => {
  it('lets anyone through a public rule', () => {
    expect(decideAccess({ rule: { public: true }, principal: undefined })).toBe('allow');
  });

  it('asks anonymous callers to authenticate everywhere else', () => {
    expect(decideAccess({ rule: { roles: ['agent'] }, principal: undefined })).toBe('unauthenticated');
    expect(decideAccess({ rule: { authenticated: true }, principal: undefined })).toBe('unauthenticated');
  });

  it('checks user roles, with admin passing every role rule', () => {
    expect(decideAccess({ rule: { roles: ['agent', 'technician'] }, principal: agent })).toBe('allow');
    expect(decideAccess({ rule: { roles: ['supervisor'] }, principal: agent })).toBe('forbidden');
    expect(decideAccess({ rule: { roles: ['supervisor'] }, principal: admin })).toBe('allow');
  });

  it('checks key scopes, and a key never passes a users-only rule', () => {
    expect(decideAccess({ rule: { roles: ['agent'], scopes: ['start'] }, principal: startKey })).toBe('allow');
    expect(decideAccess({ rule: { scopes: ['read'] }, principal: startKey })).toBe('forbidden');
    expect(decideAccess({ rule: { roles: ['admin'] }, principal: startKey })).toBe('forbidden');
  });
});
