// The modeler's bpmnlint setup: processes/.bpmnlintrc and the server's own rule setup, with today's handlers and policies.
import bpmnlintrc from '../../../../processes/.bpmnlintrc?raw';
import { effectiveLintConfig, lintResolver, type LintKnowledge } from '../../../../src/definitions/lint/lint-setup';

export function modelerLintConfig(known: LintKnowledge) {
  return { config: effectiveLintConfig(JSON.parse(bpmnlintrc), known), resolver: lintResolver() };
}
