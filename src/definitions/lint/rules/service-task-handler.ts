// Service, send and business rule tasks name a topic: camunda:type="external" camunda:topic="…". A topic with a handler
// registered in code runs in-process; any other topic waits as an external task for an integrator's worker
// (src/external-tasks). A DMN decision (camunda:decisionRef) is not evaluated here: refused with what to do instead.
import { attr, type Node, type Reporter, type Rule } from '../rule-helpers';

const KINDS: Record<string, string> = { 'bpmn:ServiceTask': 'service task', 'bpmn:SendTask': 'service task', 'bpmn:BusinessRuleTask': 'business rule task' };

export default function serviceTaskHandler(_config?: { handlers?: string[] }): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const kind = KINDS[node.$type];
      if (!kind) return;
      const topic = attr(node, 'camunda:topic');
      const decision = attr(node, 'camunda:decisionRef');
      if (decision) {
        return reporter.report(node.id, `business rule task camunda:decisionRef "${decision}": DMN decisions are not evaluated here (no DMN is deployed with diagrams); let a worker decide: camunda:type="external" camunda:topic="…" (import does this for you)`);
      }
      if (attr(node, 'camunda:type') !== 'external' || !topic) {
        return reporter.report(node.id, `${kind} must name a handler or an external task topic: camunda:type="external" camunda:topic="…"`);
      }
    },
  };
}
