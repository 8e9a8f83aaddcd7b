// User tasks and start events have a well-formed form (field id, known type, enum options, known constraints).
// Candidate groups are data (see candidate-groups); a task without candidates is visible to all task staff.
import { FIELD_TYPES } from '../../../engine/definition-model';
import { extensionElementsOf, type Node, type Reporter, type Rule } from '../rule-helpers';

const CONSTRAINTS = ['required', 'min', 'max', 'minlength', 'maxlength', 'readonly', 'pattern'];

export default function userTaskDialect(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:UserTask' && node.$type !== 'bpmn:StartEvent') return;
      for (const formData of extensionElementsOf(node).filter((e) => e.$type === 'camunda:FormData')) {
        const seen = new Set<string>();
        for (const field of formData.fields ?? []) checkField(node.id, field, seen, reporter);
      }
    },
  };
}

function checkField(id: string | undefined, field: Node, seen: Set<string>, reporter: Reporter): void {
  const name = field.id as string | undefined;
  if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return reporter.report(id, `form field id "${name ?? ''}" must be a variable name (letters, digits, _)`);
  if (seen.has(name)) reporter.report(id, `form field "${name}" appears twice`);
  seen.add(name);
  if (!FIELD_TYPES.includes(field.type)) reporter.report(id, `form field "${name}" has unknown type "${field.type ?? ''}" (known: ${FIELD_TYPES.join(', ')})`);
  if (field.type === 'enum' && !(field.values ?? []).length) reporter.report(id, `enum form field "${name}" needs at least one camunda:value`);
  for (const c of field.validation?.constraints ?? []) {
    if (!CONSTRAINTS.includes(c.name)) reporter.report(id, `form field "${name}": unknown constraint "${c.name}"`);
    else if (['min', 'max', 'minlength', 'maxlength'].includes(c.name) && !Number.isFinite(Number(c.config))) {
      reporter.report(id, `form field "${name}": constraint ${c.name} needs a numeric config`);
    } else if (c.name === 'pattern' && !validPattern(c.config)) reporter.report(id, `form field "${name}": constraint pattern needs a valid regular expression as config`);
  }
}

function validPattern(config: unknown): boolean {
  try {
    return typeof config === 'string' && config !== '' && !!new RegExp(config);
  } catch {
    return false;
  }
}
