// SLA properties name a configured policy, on a start event (the whole instance) or a user task; slaPause/slaStop are booleans.
import { extensionElementsOf, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function slaReferences(config?: { policies?: string[] }): Rule {
  const policies = config?.policies;
  return {
    check(node: Node, reporter: Reporter) {
      const properties = extensionElementsOf(node).filter((e) => e.$type === 'camunda:Properties').flatMap((p) => p.values ?? []);
      for (const p of properties) {
        if (p.name === 'sla') {
          if (node.$type !== 'bpmn:StartEvent' && node.$type !== 'bpmn:UserTask') reporter.report(node.id, 'the sla property belongs on a start event (whole instance) or a user task');
          else if (policies && !policies.includes(p.value)) reporter.report(node.id, `unknown SLA policy "${p.value}" (configured: ${policies.join(', ') || 'none'})`);
        }
        if ((p.name === 'slaPause' || p.name === 'slaStop') && p.value !== 'true' && p.value !== 'false') reporter.report(node.id, `${p.name} must be true or false`);
      }
    },
  };
}
