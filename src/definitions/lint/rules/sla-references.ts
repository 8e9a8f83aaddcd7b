// SLA properties name a configured policy, on a start event (the whole instance) or a user task; slaPause/slaStop are booleans;
// a timer's calendar names a configured business calendar and its pauseWith a policy.
import { extensionElementsOf, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function slaReferences(config?: { policies?: string[]; calendars?: string[] }): Rule {
  const policies = config?.policies;
  const calendars = config?.calendars;
  return {
    check(node: Node, reporter: Reporter) {
      const properties = extensionElementsOf(node).filter((e) => e.$type === 'camunda:Properties').flatMap((p) => p.values ?? []);
      for (const p of properties) {
        if (p.name === 'sla') {
          if (node.$type !== 'bpmn:StartEvent' && node.$type !== 'bpmn:UserTask') reporter.report(node.id, 'the sla property belongs on a start event (whole instance) or a user task');
          else if (policies && !policies.includes(p.value)) reporter.report(node.id, `unknown SLA policy "${p.value}" (configured: ${policies.join(', ') || 'none'})`);
        }
        if (p.name === 'calendar' || p.name === 'pauseWith') checkTimerProperty(node, p, { policies, calendars }, reporter);
        if ((p.name === 'slaPause' || p.name === 'slaStop') && p.value !== 'true' && p.value !== 'false') reporter.report(node.id, `${p.name} must be true or false`);
      }
    },
  };
}

const TIMER_EVENTS = new Set(['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']);

function checkTimerProperty(node: Node, p: { name: string; value: string }, known: { policies?: string[]; calendars?: string[] }, reporter: Reporter): void {
  const isTimer = TIMER_EVENTS.has(node.$type) && ((node.eventDefinitions as Node[] | undefined) ?? []).some((d) => d.$type === 'bpmn:TimerEventDefinition');
  if (!isTimer) return reporter.report(node.id, `the ${p.name} property belongs on a timer event`);
  const list = p.name === 'calendar' ? known.calendars : known.policies;
  const what = p.name === 'calendar' ? 'business calendar' : 'SLA policy (pauseWith)';
  if (list && !list.includes(p.value)) reporter.report(node.id, `unknown ${what} "${p.value}" (configured: ${list.join(', ') || 'none'})`);
}
