// Service and send tasks name a handler registered in code: camunda:type="external" camunda:topic="<handler>".
import { attr, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function serviceTaskHandler(config?: { handlers?: string[] }): Rule {
  const handlers = config?.handlers;
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:ServiceTask' && node.$type !== 'bpmn:SendTask') return;
      const topic = attr(node, 'camunda:topic');
      if (attr(node, 'camunda:type') !== 'external' || !topic) {
        return reporter.report(node.id, 'service task must name a handler: camunda:type="external" camunda:topic="<handler>"');
      }
      if (handlers && !handlers.includes(topic)) reporter.report(node.id, `unknown handler "${topic}" (registered: ${handlers.join(', ')})`);
    },
  };
}
