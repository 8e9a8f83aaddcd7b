// Elements our runtime does not run (yet) are refused by name, and message events must name their message.
import type { Node, Reporter, Rule } from '../rule-helpers';

const UNSUPPORTED: Record<string, string> = {
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:BusinessRuleTask': 'business rule tasks are not supported: use a service task with a registered handler',
  'bpmn:CallActivity': 'call activities are not supported yet',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc subprocesses are not supported',
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported',
  'bpmn:CompensateEventDefinition': 'compensation is not supported',
  'bpmn:ChoreographyTask': 'choreographies are not executable',
};

export default function supportedElements(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const reason = UNSUPPORTED[node.$type];
      if (reason) reporter.report(node.id ?? node.$parent?.id, `unsupported element ${node.$type}: ${reason}`);
      if (node.$type === 'bpmn:MessageEventDefinition' && !node.messageRef?.name) {
        reporter.report(node.$parent?.id, 'message event must reference a bpmn:message with a name');
      }
      if (node.$type === 'bpmn:ReceiveTask' && !node.messageRef?.name) reporter.report(node.id, 'receive task must reference a bpmn:message with a name');
    },
  };
}
