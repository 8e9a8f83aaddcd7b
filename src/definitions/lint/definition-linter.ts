// Runs bpmnlint with processes/.bpmnlintrc (bpmnlint:recommended + our "ops" plugin) and returns errors and warnings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'bpmnlint';
import { effectiveLintConfig, lintResolver, type LintConfig, type LintKnowledge } from './lint-setup';

export interface LintProblem {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

export function loadLintConfig(processesDir: string): LintConfig {
  return JSON.parse(readFileSync(join(processesDir, '.bpmnlintrc'), 'utf8'));
}

export class DefinitionLinter {
  private readonly resolver = lintResolver();

  constructor(private readonly config: LintConfig) {}

  /** `handlers` and `policies`: the service-task handlers and SLA policies known now (checked by name). */
  async lint(root: unknown, known: LintKnowledge): Promise<LintProblem[]> {
    const config = effectiveLintConfig(this.config, known);
    // A Linter per run: bpmnlint caches rule instances, and several rules keep state in them between runs.
    const linter = new Linter({ config, resolver: this.resolver });
    const reports: Record<string, { id?: string; message: string; category: string }[]> = await linter.lint(root);
    const problems: LintProblem[] = [];
    for (const [rule, list] of Object.entries(reports)) {
      for (const r of list) {
        const severity = r.category === 'warn' ? 'warn' : 'error';
        if (r.category === 'info') continue;
        problems.push({ elementId: r.id ?? '', rule, message: r.message, severity });
      }
    }
    return problems;
  }
}
