// Which simulated tasks need a person: a task nobody claimed while its role's others were claimed waits on the customer.
import { needsStaff } from './sim-desk.util';
import type { SimModel } from './simulation-run.types';

const d = { meanHours: 1, cv: 1 };
const model = (acts: [string, string, number | undefined][]): SimModel => ({
  arrivals: { byHourOfWeek: [] },
  activities: Object.fromEntries(acts.map(([activityId, role, claimedShare]) => [`${activityId}@${role}`, { activityId, role, duration: d, claimedShare }])),
});

describe('needsStaff', () => {
  it('frees a never-claimed task of a role whose other tasks are claimed', () => {
    const m = model([['Task_Record', 'agent', 1], ['Task_ConfirmFix', 'agent', 0], ['Task_Repair', 'technician', 0]]);
    expect(needsStaff(m, 'Task_Record', 'agent')).toBe(true);
    expect(needsStaff(m, 'Task_ConfirmFix', 'agent')).toBe(false);
    // no technician task was ever claimed: every one needs a technician, as before claims were learned
    expect(needsStaff(m, 'Task_Repair', 'technician')).toBe(true);
  });

  it('staffs every task of a model without claim shares, and a task the model does not know', () => {
    const m = model([['Task_Record', 'agent', undefined], ['Task_ConfirmFix', 'agent', undefined]]);
    expect(needsStaff(m, 'Task_ConfirmFix', 'agent')).toBe(true);
    expect(needsStaff(m, 'Task_Unknown', 'agent')).toBe(true);
  });
});
