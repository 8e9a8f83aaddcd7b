// What the simulated staff enter in each task and how long it takes them (minutes of working time, lognormal).
import type { FormField } from '../engine/definition-model';
import type { DemoCase } from './demo-cases';

export interface Decision {
  values: Record<string, unknown>;
  /** Mean minutes until the task is completed, and its coefficient of variation. */
  minutes: number;
  cv: number;
  /** Whether the minutes count only while the desk is open (customers answer around the clock). */
  workingTime: boolean;
}

type Fate = DemoCase['fate'];
/** `round`: how often this task of this case was done before (a loop back); `now`: the virtual time. */
export interface DecisionContext {
  round: number;
  now: Date;
}

type Rule = (fate: Fate, ctx: DecisionContext) => Omit<Decision, 'workingTime'> & { workingTime?: boolean };

const PRIORITY_MINUTES = { P1: 0.3, P2: 0.6, P3: 1, P4: 1.5 };
const urgency = (fate: Fate) => PRIORITY_MINUTES[fate.priority];

const RULES: Record<string, Rule> = {
  Task_RecordRequest: (f) => ({ values: { requirementUnderstood: f.understood }, minutes: 12, cv: 0.8 }),
  Task_TriageRequest: (f) => ({ values: { faultType: f.faultType, priority: f.priority, simpleFault: f.simple }, minutes: 15 * urgency(f), cv: 0.8 }),
  Task_RemoteGuidance: (f) => ({ values: { remoteFixed: f.remoteFixed, guidanceNotes: f.remoteFixed ? 'Reset and firmware update by phone' : 'Could not be fixed remotely' }, minutes: 40, cv: 0.6 }),
  Task_ConfirmRemoteFix: () => ({ values: { customerConfirmed: true }, minutes: 90, cv: 1, workingTime: false }),
  Task_Dispatch: (f) => ({ values: { partsPrepared: f.partsNeeded }, minutes: 30 * urgency(f), cv: 0.7 }),
  Task_AgreeAppointment: (f, ctx) => ({ values: { appointmentAt: new Date(ctx.now.getTime() + 86_400_000).toISOString() }, minutes: 60 * urgency(f), cv: 0.7 }),
  Task_Diagnose: (f) => ({ values: { diagnosis: 'Worn drive belt and control board fault', estimatedCost: 280, estimatedHours: 2, partsNeeded: f.partsNeeded }, minutes: 150 * urgency(f), cv: 0.6 }),
  Task_QuoteConsent: (f) => ({ values: { quoteAmount: 320, quoteAccepted: f.quoteAccepted, declineReason: f.quoteAccepted ? undefined : 'Too expensive' }, minutes: 180, cv: 0.8, workingTime: false }),
  Task_Repair: (f) => ({ values: { repairNotes: 'Replaced the drive belt', partsReplaced: f.partsNeeded ? 'belt, board' : '' }, minutes: 120 * urgency(f), cv: 0.5 }),
  Task_QualityCheck: (f, ctx) => ({ values: { fixed: f.fixedFirstTime || ctx.round > 0, customerSignedOff: true }, minutes: 20, cv: 0.5 }),
  Task_Settlement: () => ({ values: { paymentMethod: 'wechatpay' }, minutes: 25, cv: 0.7 }),
  Task_FollowUpCall: (f) => ({ values: { satisfactionScore: f.satisfaction, problemsFound: false }, minutes: 45, cv: 0.8 }),
  Task_RegisterComplaint: () => ({ values: {}, minutes: 8, cv: 0.8 }),
  // A slow first handler lets the L1 time limit (15 min urgent, 1 h otherwise) expire: the complaint escalates.
  Task_HandleL1: (f) => ({ values: { response: 'Called the customer', resolution: 'Apologised and rebooked the visit' }, minutes: f.l1Slow ? 240 : 20, cv: 0.5 }),
  Task_HandleL2: (f) => ({ values: { response: 'Supervisor called the customer', resolution: 'Refund of the visit fee' }, minutes: f.l2Slow ? 600 : 60, cv: 0.5 }),
  Task_HandleL3: () => ({ values: { response: 'Manager called the customer', resolution: 'Replacement device offered' }, minutes: 90, cv: 0.5 }),
  Task_SupervisorCallback: (f, ctx) => ({ values: { customerSatisfied: f.satisfaction >= 3 || ctx.round > 0, callbackNotes: 'Second call-back done' }, minutes: 120, cv: 0.8 }),
  Task_RecoveryCallback: () => ({ values: { customerReached: true, recoveryAction: 'Offered a free maintenance visit' }, minutes: 180, cv: 0.8 }),
};

/** The decision for a task of `activityId`; an unknown task gets its required fields filled in about an hour. */
export function decide(activityId: string, form: FormField[], fate: Fate, ctx: DecisionContext): Decision {
  const rule = RULES[activityId]?.(fate, ctx) ?? { values: {}, minutes: 60, cv: 0.8 };
  const values = { ...required(form, ctx.now), ...rule.values };
  for (const [k, v] of Object.entries(values)) if (v === undefined) delete values[k];
  return { ...rule, values, workingTime: rule.workingTime ?? true };
}

/** A valid value for every required field the rule does not set. */
function required(form: FormField[], now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of form.filter((f) => f.required && !f.readonly)) {
    if (f.type === 'string') values[f.id] = `${f.label}: done`;
    else if (f.type === 'long' || f.type === 'decimal') values[f.id] = f.min ?? 1;
    else if (f.type === 'boolean') values[f.id] = true;
    else if (f.type === 'enum') values[f.id] = f.options?.[0]?.id;
    else if (f.type === 'duration') values[f.id] = 'PT1H';
    else if (f.type === 'date') values[f.id] = new Date(now.getTime() + 86_400_000).toISOString();
  }
  return values;
}
