// A service desk of `perDay` repair requests a weekday, shaped like the demo desk: the benchmark's and the tests' model.
import type { SimModel } from './simulation-run.types';

const w = (meanHours: number, cv = 0.8) => ({ meanHours, cv });
const act = (activityId: string, role: string, working: { meanHours: number; cv: number }, onCalendar = true) => ({ activityId, role, duration: working, ...(onCalendar && { working }) });

/** Office hours (Mon–Fri 09–18) carry most arrivals, evenings and weekends some. */
function byHourOfWeek(perDay: number) {
  const weights = (day: number, hour: number) => (hour >= 9 && hour < 18 ? 1 : hour >= 18 && hour < 22 ? 0.3 : hour >= 7 && hour < 9 ? 0.2 : 0.03) * (day >= 6 ? 0.4 : 1);
  const weekday = 9 + 4 * 0.3 + 2 * 0.2 + 9 * 0.03;
  const out: { day: number; hour: number; perWeek: number }[] = [];
  for (let day = 1; day <= 7; day++) for (let hour = 0; hour < 24; hour++) out.push({ day, hour, perWeek: (perDay * weights(day, hour)) / weekday });
  return out;
}

export function sampleServiceDeskModel(perDay: number, staff: { agent: number; technician: number; supervisor: number }): SimModel {
  return {
    timeZone: 'Asia/Shanghai',
    arrivals: { byHourOfWeek: byHourOfWeek(perDay), mix: { 'phone/P1': 0.1, 'phone/P2': 0.2, 'web/P3': 0.4, 'app/P4': 0.3 } },
    activities: Object.fromEntries(
      [
        act('Task_RecordRequest', 'agent', w(0.2)),
        act('Task_TriageRequest', 'agent', w(0.25)),
        act('Task_RemoteGuidance', 'agent', w(0.67, 0.6)),
        act('Task_ConfirmRemoteFix', 'agent', w(1.5, 1), false),
        act('Task_Dispatch', 'supervisor', w(0.5, 0.7)),
        act('Task_AgreeAppointment', 'agent', w(1, 0.7)),
        act('Task_Diagnose', 'technician', w(2.5, 0.6)),
        act('Task_QuoteConsent', 'agent', w(3, 0.8), false),
        act('Task_Repair', 'technician', w(2, 0.5)),
        act('Task_QualityCheck', 'technician', w(0.33, 0.5)),
        act('Task_Settlement', 'agent', w(0.4, 0.7)),
        act('Task_FollowUpCall', 'agent', w(0.75)),
      ].map((a) => [`${a.activityId}@${a.role}`, a]),
    ),
    decisions: {
      Task_TriageRequest: { simpleFault: { true: 0.35, false: 0.65 }, priority: { P1: 0.1, P2: 0.2, P3: 0.4, P4: 0.3 } },
      Task_RemoteGuidance: { remoteFixed: { true: 0.6, false: 0.4 } },
      Task_Diagnose: { partsNeeded: { true: 0.3, false: 0.7 } },
      Task_QuoteConsent: { quoteAccepted: { true: 0.85, false: 0.15 } },
      Task_QualityCheck: { fixed: { true: 0.9, false: 0.1 } },
      Task_FollowUpCall: { problemsFound: { true: 0.03, false: 0.97 } },
    },
    staffing: { roles: { ...staff, manager: 1 }, concurrency: { agent: 3, technician: 2, supervisor: 4, manager: 2 } },
    messages: { Event_PartsArrived: { meanHours: 30, cv: 0.6 } },
  };
}
