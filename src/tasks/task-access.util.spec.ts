// Task visibility and claiming rules per role.
import type { Principal } from '../auth/principal';
import { completionBy, completionHolder, mayClaimFor, maySeeTask, taskVisibility } from './task-access.util';

const agent: Principal = { kind: 'user', id: '1', name: 'li', roles: ['agent'] };
const supervisor: Principal = { kind: 'user', id: '2', name: 'zhang', roles: ['supervisor'] };
const key: Principal = { kind: 'apiKey', id: 'k', name: 'crm', scopes: ['read'] };

describe('task access', () => {
  it('limits agents to tasks of their roles and their own', () => {
    expect(taskVisibility(agent)).toEqual({ roles: ['agent'], assignee: 'li' });
    expect(maySeeTask({ principal: agent, task: { candidateRoles: ['agent'], assignee: null } })).toBe(true);
    expect(maySeeTask({ principal: agent, task: { candidateRoles: ['technician'], assignee: null } })).toBe(false);
    expect(maySeeTask({ principal: agent, task: { candidateRoles: ['supervisor'], assignee: 'li' } })).toBe(true);
  });

  it('lets supervisors and read keys see every task', () => {
    expect(taskVisibility(supervisor)).toBeNull();
    expect(maySeeTask({ principal: key, task: { candidateRoles: ['technician'], assignee: null } })).toBe(true);
  });

  it('lets people claim for themselves, leads for others, keys never', () => {
    expect(mayClaimFor({ principal: agent, assignee: 'li' })).toBe(true);
    expect(mayClaimFor({ principal: agent, assignee: 'wang' })).toBe(false);
    expect(mayClaimFor({ principal: supervisor, assignee: 'wang' })).toBe(true);
    expect(mayClaimFor({ principal: key, assignee: 'crm' })).toBe(false);
  });

  it('lets the claimer complete a claimed task, leads override it, and holds it for everyone else', () => {
    expect(completionBy({ principal: agent, assignee: null })).toBe('allowed');
    expect(completionBy({ principal: agent, assignee: 'li' })).toBe('allowed');
    expect(completionBy({ principal: agent, assignee: 'wang' })).toBe('held');
    expect(completionBy({ principal: supervisor, assignee: 'wang' })).toBe('override');
    expect(completionBy({ principal: key, assignee: 'wang' })).toBe('held');
  });
});

describe('task access with groups and candidate users', () => {
  it('shows a task to members of its candidate group, to its candidate users, and to its assignee', () => {
    const task = { candidateRoles: ['management'], candidateUsers: ['wang'], assignee: null };
    expect(maySeeTask({ principal: agent, task })).toBe(false);
    expect(maySeeTask({ principal: agent, task, memberOf: ['management'] })).toBe(true);
    expect(maySeeTask({ principal: { ...agent, name: 'wang' }, task })).toBe(true);
    expect(maySeeTask({ principal: agent, task: { ...task, assignee: 'li' } })).toBe(true);
  });

  it('shows a task without candidates or assignee to everyone who works tasks, an assigned one only to its assignee', () => {
    expect(maySeeTask({ principal: agent, task: { candidateRoles: [], candidateUsers: [], assignee: null } })).toBe(true);
    expect(maySeeTask({ principal: agent, task: { candidateRoles: [], candidateUsers: [], assignee: 'wang' } })).toBe(false);
    expect(taskVisibility(agent, ['management', 'agent'])).toEqual({ roles: ['agent', 'management'], assignee: 'li' });
  });

  it('states who may complete in SQL terms exactly as completionBy decides it', () => {
    // for each caller and each holder of the task, "no holder limit, or held by none or the limit's assignee" ⇔ not 'held'
    for (const principal of [agent, supervisor, key, undefined]) {
      const limit = completionHolder(principal);
      for (const assignee of [null, 'li', 'zhang', 'other']) {
        const bySql = !limit || assignee === null || assignee === limit.assignee;
        expect([principal?.name, assignee, bySql]).toEqual([principal?.name, assignee, completionBy({ principal, assignee }) !== 'held']);
      }
    }
  });
});
