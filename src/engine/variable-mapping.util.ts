// Applies camunda:in / camunda:out mappings: which variables cross from one instance to the other, under what name.
import type { VariableMapping } from './call-activity-reader';
import { evaluateExpression, isFeel } from './feel';

export function mapVariables({ mappings, source }: { mappings: VariableMapping[]; source: Record<string, unknown> }): Record<string, unknown> {
  let result: Record<string, unknown> = {};
  for (const m of mappings) {
    if (m.all) result = { ...result, ...source };
    else if (m.source && m.source in source) result[m.target ?? m.source] = source[m.source];
    else if (m.sourceExpression && m.target && isFeel(m.sourceExpression)) result[m.target] = evaluateExpression(m.sourceExpression, source);
  }
  return result;
}
