// Assignee and candidates of a new task: literals as written, expressions evaluated against the variables.
import { assignmentOf } from './task-assignment.util';

const info = (extra: object) => ({ id: 'T', type: 'bpmn:UserTask', name: 'T', ...extra });

describe('task assignment', () => {
  it('takes literal assignee and candidates as they are', () => {
    expect(assignmentOf(info({ assignee: 'demo', candidateRoles: ['agent', 'management'], candidateUsers: ['li'] }))).toEqual({ assignee: 'demo', candidateRoles: ['agent', 'management'], candidateUsers: ['li'] });
    expect(assignmentOf(undefined)).toEqual({ assignee: null, candidateRoles: [], candidateUsers: [] });
  });

  it('evaluates expressions: a name, a list, a comma-separated string', () => {
    const vars = { approver: 'zhou.min', reviewers: ['li', 'wang'], teams: 'finance, audit' };
    expect(assignmentOf(info({ assignee: '=approver', candidateUsers: ['=reviewers'], candidateRoles: ['=teams'] }), vars)).toEqual({ assignee: 'zhou.min', candidateRoles: ['finance', 'audit'], candidateUsers: ['li', 'wang'] });
  });

  it('leaves the task unassigned when the expression gives nothing usable', () => {
    expect(assignmentOf(info({ assignee: '=approver' }), {})).toEqual({ assignee: null, candidateRoles: [], candidateUsers: [] });
    expect(assignmentOf(info({ assignee: '=count' }), { count: 3 }).assignee).toBeNull();
  });
});
