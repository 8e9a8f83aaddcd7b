// Every condition, timer value and input parameter is a literal, valid and safe FEEL ('=…'), or JUEL in the subset that
// translates to FEEL (juel-expressions warns with the translation); other ${…} and JavaScript are refused with the reason.
import { checkFeel, isFeel } from '../../../engine/feel';
import { isFeelLanguage, juelAssignmentsOf, juelSiteOf } from '../../../engine/juel-context';
import { owningId, type Node, type Reporter, type Rule } from '../rule-helpers';

function problemOf(text: string): string | null {
  return isFeel(text) ? checkFeel(text) : null;
}

export default function feelExpressions(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      for (const a of juelAssignmentsOf(node)) {
        if (!a.translation.ok) reporter.report(node.id, `${a.attribute} ${a.text} is not supported: ${a.translation.reason}. Name the user or group, or a process variable: \${approver}`);
      }
      let text: unknown;
      let what = '';
      if (node.$type === 'bpmn:FormalExpression' || node.$type === 'bpmn:Expression') {
        text = node.body ?? '';
        what = node.$parent?.$type === 'bpmn:TimerEventDefinition' ? 'timer' : 'expression';
      } else if (node.$type === 'camunda:InputParameter' || node.$type === 'camunda:OutputParameter') {
        text = node.value;
        what = `parameter "${node.name}"`;
      }
      if (typeof text !== 'string') return;
      // language="…FEEL" (DMN-style tools): the body is FEEL without our leading "=".
      const body = node.language && isFeelLanguage(node.language) ? `=${text.trim().replace(/^=/, '')}` : text;
      if (!body.trim() && node.$parent?.conditionExpression === node) {
        return reporter.report(owningId(node), 'condition is empty: write one (e.g. =approved = true) or remove it and make the flow the default');
      }
      const juel = juelSiteOf(node);
      if (juel) {
        if (!juel.translation.ok) reporter.report(owningId(node), `${what} ${juel.text} is not supported: ${juel.translation.reason}. Write FEEL with a leading "=" instead, or move code into a service task (camunda:type="external")`);
        return;
      }
      const problem = problemOf(body.trim());
      if (!problem && node.$parent?.$type === 'bpmn:SequenceFlow' && !isFeel(body.trim())) {
        // A literal condition would be a truthy string whatever it says ("false" too).
        return reporter.report(owningId(node), 'condition must be a FEEL expression with a leading "=", e.g. =approved = true');
      }
      if (problem) reporter.report(owningId(node), `${what}: ${problem}`);
    },
  };
}
