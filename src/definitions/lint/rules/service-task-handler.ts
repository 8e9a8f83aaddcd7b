// Service and send tasks name a topic: camunda:type="external" camunda:topic="…". A topic with a handler registered in
// code runs in-process; any other topic waits as an external task for an integrator's worker (src/external-tasks).
import { attr, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function serviceTaskHandler(_config?: { handlers?: string[] }): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:ServiceTask' && node.$type !== 'bpmn:SendTask') return;
      const topic = attr(node, 'camunda:topic');
      if (attr(node, 'camunda:type') !== 'external' || !topic) {
        return reporter.report(node.id, 'service task must name a handler or an external task topic: camunda:type="external" camunda:topic="…"');
      }
    },
  };
}
