// Refuses everything that would make a diagram carry code: script tasks, script languages, listeners, class/expression delegates.
import { isFeelLanguage } from '../../../engine/juel-context';
import { attr, extensionElementsOf, owningId, type Node, type Reporter, type Rule } from '../rule-helpers';

const CODE_ATTRIBUTES = ['camunda:class', 'camunda:expression', 'camunda:delegateExpression', 'camunda:resultVariable'];
const CODE_EXTENSIONS = ['camunda:ExecutionListener', 'camunda:TaskListener', 'camunda:Script', 'camunda:Connector'];

export default function noScript(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const id = owningId(node);
      if (node.$type === 'bpmn:ScriptTask') reporter.report(id, 'script tasks are not allowed: use a service task that names a registered handler');
      if (node.$type === 'bpmn:FormalExpression' && node.language && !isFeelLanguage(node.language)) reporter.report(id, `expression language "${node.language}" is not allowed: write FEEL with a leading "="`);
      if (node.$type === 'camunda:InputParameter' || node.$type === 'camunda:OutputParameter') {
        if (node.definition?.$type === 'camunda:Script') reporter.report(id, `parameter "${node.name}" uses a script: only literals and FEEL are allowed`);
      }
      for (const name of CODE_ATTRIBUTES) if (attr(node, name)) reporter.report(id, `${name} refers to code and is not supported: use camunda:type="external" with a camunda:topic handler`);
      for (const ext of extensionElementsOf(node)) {
        if (CODE_EXTENSIONS.includes(ext.$type)) reporter.report(id, `${ext.$type} is not supported: diagrams may not run code`);
      }
    },
  };
}
