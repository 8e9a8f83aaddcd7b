// Our bpmnlint plugin ("ops"): the dialect and safety rules that the deploy check (and the modeler) apply.
import candidateGroups from './rules/candidate-groups';
import feelExpressions from './rules/feel-expressions';
import juelExpressions from './rules/juel-expressions';
import noScript from './rules/no-script';
import serviceTaskHandler from './rules/service-task-handler';
import supportedElements from './rules/supported-elements';
import slaReferences from './rules/sla-references';
import timerDefinition from './rules/timer-definition';
import userTaskDialect from './rules/user-task-dialect';

export const opsRules = {
  'no-script': noScript,
  'feel-expressions': feelExpressions,
  'user-task-dialect': userTaskDialect,
  'service-task-handler': serviceTaskHandler,
  'timer-definition': timerDefinition,
  'supported-elements': supportedElements,
  'sla-references': slaReferences,
  'juel-expressions': juelExpressions,
  'candidate-groups': candidateGroups,
};

// Findings that do not stop a deploy: a translation to look at, a group still to create.
const WARNINGS = ['juel-expressions', 'candidate-groups'];

export const opsRecommended = {
  rules: Object.fromEntries(Object.keys(opsRules).map((name) => [`ops/${name}`, WARNINGS.includes(name) ? 'warn' : 'error'])),
};
