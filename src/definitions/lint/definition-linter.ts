// Runs bpmnlint with processes/.bpmnlintrc (bpmnlint:recommended + our "ops" plugin) and returns errors and warnings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import recommended from 'bpmnlint/config/recommended';
import { opsRecommended, opsRules } from './ops-plugin';

export interface LintProblem {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

function buildCache(): Record<string, unknown> {
  const cache: Record<string, unknown> = { 'config:bpmnlint/recommended': recommended, 'config:bpmnlint-plugin-ops/recommended': opsRecommended };
  for (const rule of Object.keys(recommended.rules)) cache[`rule:bpmnlint/${rule}`] = require(`bpmnlint/rules/${rule}`);
  for (const [name, factory] of Object.entries(opsRules)) cache[`rule:bpmnlint-plugin-ops/${name}`] = factory;
  return cache;
}

export function loadLintConfig(processesDir: string): { extends?: string | string[]; rules?: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(processesDir, '.bpmnlintrc'), 'utf8'));
}

export class DefinitionLinter {
  private readonly resolver = new StaticResolver(buildCache());

  constructor(private readonly config: { extends?: string | string[]; rules?: Record<string, unknown> }) {}

  /** `handlers` and `policies`: the service-task handlers and SLA policies known now (checked by name). */
  async lint(root: unknown, known: { handlers: string[]; policies: string[] }): Promise<LintProblem[]> {
    const rules = { ...this.config.rules, 'ops/service-task-handler': ['error', { handlers: known.handlers }], 'ops/sla-references': ['error', { policies: known.policies }] };
    const config = { ...this.config, rules };
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
