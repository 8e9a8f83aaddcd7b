// streamRolesFor: users get only their own roles' events, admins any, API keys only the events meant for everyone.
import { streamRolesFor } from './stream-roles.util';

describe('streamRolesFor', () => {
  it('lets a user ask for roles they hold, and refuses the others', () => {
    const agent = { kind: 'user' as const, id: 'u', name: 'li', roles: ['agent' as const] };
    expect(streamRolesFor({ principal: agent, requested: ['agent'] })).toEqual(['agent']);
    expect(() => streamRolesFor({ principal: agent, requested: ['agent', 'supervisor'] })).toThrow(/do not hold the role\(s\) supervisor/);
  });

  it('lets an admin ask for any role', () => {
    expect(streamRolesFor({ principal: { kind: 'user', id: 'a', name: 'root', roles: ['admin'] }, requested: ['manager'] })).toEqual(['manager']);
  });

  it('gives API keys the unrestricted events only', () => {
    const key = { kind: 'apiKey' as const, id: 'k', name: 'crm', scopes: ['read' as const] };
    expect(streamRolesFor({ principal: key, requested: [] })).toEqual([]);
    expect(() => streamRolesFor({ principal: key, requested: ['agent'] })).toThrow(/everyone/);
  });
});
