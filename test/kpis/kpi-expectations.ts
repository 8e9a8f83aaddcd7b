// The KPI definitions of the README, applied by hand to the raw rows (instances, tasks, surveys, escalations):
// the independent side of the KPI tests. Written from the definitions, not from src/kpis.

export interface Raw {
  instances: any[];
  tasks: any[];
  surveys: any[];
  escalations: any[];
}

export interface Filter { channels?: string[]; priorities?: string[]; region?: string; process?: string; version?: number }

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const r2 = (x: number) => Math.round(x * 100) / 100;
const pct = (n: number, d: number) => (d ? r2((100 * n) / d) : null);

export async function readRaw(db: { query(sql: string): Promise<any[]> }): Promise<Raw> {
  return {
    instances: await db.query('SELECT * FROM process_instances'),
    tasks: await db.query('SELECT * FROM tasks'),
    surveys: await db.query('SELECT * FROM surveys'),
    escalations: await db.query('SELECT * FROM escalations'),
  };
}

export function expectedKpis(raw: Raw, from: Date, to: Date, asOf: Date, f: Filter = {}) {
  const t = (d: Date | null) => (d ? new Date(d).getTime() : null);
  const inWindow = (d: Date | null) => d !== null && t(d)! >= from.getTime() && t(d)! < to.getTime();
  const priorityOf = (v: any) => v.priority ?? (v.urgent === true ? 'urgent' : null);
  const matches = (key: string, version: number, channel: string, priority: string | null, region: string) =>
    (!f.channels || f.channels.includes(channel)) && (!f.priorities || f.priorities.includes(priority as string)) &&
    (!f.region || region?.toLowerCase() === f.region.toLowerCase()) && (!f.process || key === f.process) && (f.version === undefined || version === f.version);
  const requests = raw.instances.filter((i) => ['service-request', 'complaint-escalation'].includes(i.definition_key) && matches(i.definition_key, i.definition_version, i.variables.channel, priorityOf(i.variables), i.variables.region));
  const tasksOf = (id: string) => raw.tasks.filter((x) => x.instance_id === id);

  // response on time: the intake task (record / register) completed within 15 min (urgent: P1 or urgent complaint) or 1 h
  let onTime = 0, decided = 0;
  for (const i of requests.filter((i) => inWindow(i.started_at))) {
    const intake = tasksOf(i.id).find((x) => x.activity_id === 'Task_RecordRequest' || x.activity_id === 'Task_RegisterComplaint');
    const limit = t(i.started_at)! + (i.variables.priority === 'P1' || i.variables.urgent === true ? 15 * MIN : HOUR);
    if (intake?.status === 'completed') { decided++; if (t(intake.ended_at)! <= limit) onTime++; }
    else if (limit <= (t(i.ended_at) ?? asOf.getTime())) decided++;
  }
  // first-time resolution and resolution time: service requests whose last settlement task was created in the window
  const resolved = requests.filter((i) => i.definition_key === 'service-request').map((i) => {
    const settlements = tasksOf(i.id).filter((x) => x.activity_id === 'Task_Settlement');
    const last = settlements.length ? Math.max(...settlements.map((x) => t(x.created_at)!)) : null;
    return { i, settlements: settlements.length, diagnoses: tasksOf(i.id).filter((x) => x.activity_id === 'Task_Diagnose').length, last };
  }).filter((x) => x.last !== null && x.last >= from.getTime() && x.last < to.getTime());
  const resolutionHours = resolved.map((x) => (x.last! - t(x.i.started_at)!) / HOUR);
  const recorded = requests.filter((i) => i.definition_key === 'service-request' && inWindow(i.started_at) && typeof i.variables.requirementUnderstood === 'boolean');
  const handled = requests.filter((i) => i.definition_key === 'complaint-escalation').map((i) => {
    const done = tasksOf(i.id).filter((x) => /^Task_HandleL[123]$/.test(x.activity_id) && x.status === 'completed');
    return { i, at: done.length ? Math.max(...done.map((x) => t(x.ended_at)!)) : null };
  }).filter((x) => x.at !== null && x.at >= from.getTime() && x.at < to.getTime());
  const handlingHours = handled.map((x) => (x.at! - t(x.i.started_at)!) / HOUR);
  const answers = raw.surveys.filter((s) => s.status === 'answered' && inWindow(s.answered_at) && matches(s.source_definition_key, s.source_definition_version, s.channel, s.priority, s.region));
  const promoters = answers.filter((s) => s.nps >= 9).length;
  const detractors = answers.filter((s) => s.nps <= 6).length;
  const open = requests.filter((i) => t(i.started_at)! < asOf.getTime() && (i.ended_at === null || t(i.ended_at)! > asOf.getTime()));
  const ages = open.map((i) => asOf.getTime() - t(i.started_at)!);
  const complaintIds = new Set(requests.filter((i) => i.definition_key === 'complaint-escalation').map((i) => i.id));
  const complaintsStarted = requests.filter((i) => i.definition_key === 'complaint-escalation' && inWindow(i.started_at)).length;
  const escalations = (level: number) => raw.escalations.filter((e) => e.level === level && complaintIds.has(e.instance_id) && inWindow(e.created_at)).length;
  const mean = (xs: number[]) => (xs.length ? r2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    if (!s.length) return null;
    return r2(s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
  };
  return {
    responseOnTimeRate: { value: pct(onTime, decided), numerator: onTime, denominator: decided },
    firstTimeResolutionRate: { value: pct(resolved.filter((x) => x.settlements === 1 && x.diagnoses <= 1).length, resolved.length), numerator: resolved.filter((x) => x.settlements === 1 && x.diagnoses <= 1).length, denominator: resolved.length },
    requirementUnderstoodRate: { value: pct(recorded.filter((i) => i.variables.requirementUnderstood).length, recorded.length), numerator: recorded.filter((i) => i.variables.requirementUnderstood).length, denominator: recorded.length },
    meanResolutionHours: { value: mean(resolutionHours), denominator: resolutionHours.length },
    medianResolutionHours: { value: median(resolutionHours), denominator: resolutionHours.length },
    csat: { value: pct(answers.filter((s) => s.overall >= 4).length, answers.length), numerator: answers.filter((s) => s.overall >= 4).length, denominator: answers.length },
    nps: { value: answers.length ? r2((100 * (promoters - detractors)) / answers.length) : null, numerator: promoters - detractors, denominator: answers.length },
    meanComplaintHandlingHours: { value: mean(handlingHours), denominator: handlingHours.length },
    medianComplaintHandlingHours: { value: median(handlingHours), denominator: handlingHours.length },
    backlog: { value: open.length },
    escalationsL2: { value: escalations(2), denominator: complaintsStarted },
    escalationsL3: { value: escalations(3), denominator: complaintsStarted },
    aging: { under1d: ages.filter((a) => a < DAY).length, d1to3: ages.filter((a) => a >= DAY && a < 3 * DAY).length, d3to7: ages.filter((a) => a >= 3 * DAY && a < 7 * DAY).length, over7d: ages.filter((a) => a >= 7 * DAY).length },
  };
}
