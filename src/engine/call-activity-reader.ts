// Reads a call activity in the Camunda 7 dialect: the callee, its version binding and the camunda:in/out mappings.
import type { ModdleElement } from './moddle-reader';
import { collectionAsFeel } from './multi-instance';

export interface VariableMapping {
  /** variables="all": every variable. */
  all?: boolean;
  source?: string;
  /** A FEEL expression (leading '='), evaluated against the source instance's variables. */
  sourceExpression?: string;
  target?: string;
  /** camunda:in businessKey="…": the child gets the parent's business key. */
  businessKey?: boolean;
}

export interface CallInfo {
  calledElement: string;
  binding: 'latest' | 'version';
  version?: number;
  inputs: VariableMapping[];
  outputs: VariableMapping[];
}

export function readCall(element: ModdleElement): CallInfo {
  const values: ModdleElement[] = element.extensionElements?.values ?? [];
  const mapping = (v: ModdleElement): VariableMapping => {
    const m: VariableMapping = {};
    if (v.variables === 'all') m.all = true;
    if (v.source) m.source = v.source;
    // ${path} (Camunda) is read as the FEEL path; anything else must already be FEEL (checked at deploy).
    if (v.sourceExpression) m.sourceExpression = collectionAsFeel(v.sourceExpression) ?? v.sourceExpression;
    if (v.target) m.target = v.target;
    if (v.businessKey) m.businessKey = true;
    return m;
  };
  const binding = element.get('camunda:calledElementBinding') === 'version' ? 'version' : 'latest';
  const version = Number(element.get('camunda:calledElementVersion'));
  return {
    calledElement: element.calledElement ?? '',
    binding,
    ...(binding === 'version' && Number.isInteger(version) && { version }),
    inputs: values.filter((v) => v.$type === 'camunda:In').map(mapping),
    outputs: values.filter((v) => v.$type === 'camunda:Out').map(mapping),
  };
}
