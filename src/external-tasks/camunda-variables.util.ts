// Variables in Camunda 7's REST shape, {name: {value, type}}, to and from our plain JSON process variables.
import type { ErrorDetail } from '../common/domain-error';

export interface TypedValue {
  value: unknown;
  type: string;
  valueInfo?: Record<string, unknown>;
}

const INT_MAX = 2 ** 31 - 1;
const NUMBER_TYPES = new Set(['integer', 'long', 'short', 'double']);

/** Our variables as Camunda typed values; objects and arrays are `Json` with the value serialized, as Camunda sends it. */
export function toTypedVariables({ variables, names }: { variables: Record<string, unknown>; names?: string[] }): Record<string, TypedValue> {
  const picked = names ? names.filter((n) => Object.hasOwn(variables, n)) : Object.keys(variables);
  return Object.fromEntries(picked.map((name) => [name, toTypedValue(variables[name])]));
}

export function toTypedValue(value: unknown): TypedValue {
  if (value === null || value === undefined) return { value: null, type: 'Null', valueInfo: {} };
  if (typeof value === 'string') return { value, type: 'String', valueInfo: {} };
  if (typeof value === 'boolean') return { value, type: 'Boolean', valueInfo: {} };
  if (typeof value === 'number') return { value, type: !Number.isInteger(value) ? 'Double' : Math.abs(value) <= INT_MAX ? 'Integer' : 'Long', valueInfo: {} };
  return { value: JSON.stringify(value), type: 'Json', valueInfo: {} };
}

/**
 * A worker's {name: {value, type?}} as plain values: numbers, booleans and strings as typed, `Json` parsed when sent
 * as a string; `Object` (Java serialization) is refused. Problems are listed per variable.
 */
export function fromTypedVariables(input: Record<string, unknown> | undefined): { values: Record<string, unknown>; errors: ErrorDetail[] } {
  const values: Record<string, unknown> = {};
  const errors: ErrorDetail[] = [];
  for (const [name, raw] of Object.entries(input ?? {})) {
    const field = `variables.${name}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('value' in raw)) {
      errors.push({ field, message: `${field} must be an object {value, type?}` });
      continue;
    }
    const { value, type } = raw as { value: unknown; type?: unknown };
    const result = convert(value, typeof type === 'string' ? type.toLowerCase() : undefined);
    if ('error' in result) errors.push({ field, message: `${field}: ${result.error}` });
    else values[name] = result.value;
  }
  return { values, errors };
}

function convert(value: unknown, type: string | undefined): { value: unknown } | { error: string } {
  if (type === undefined || value === null) return { value };
  if (type === 'null') return { value: null };
  if (type === 'string' || type === 'date') return typeof value === 'string' ? { value } : { error: `a ${type} value must be a string` };
  if (type === 'boolean') return typeof value === 'boolean' ? { value } : value === 'true' || value === 'false' ? { value: value === 'true' } : { error: 'not a boolean' };
  if (NUMBER_TYPES.has(type)) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) return { error: `not a number (type ${type})` };
    return type !== 'double' && !Number.isInteger(n) ? { error: `not an integer (type ${type})` } : { value: n };
  }
  if (type === 'json') {
    if (typeof value !== 'string') return { value };
    try {
      return { value: JSON.parse(value) };
    } catch {
      return { error: 'the Json value is not valid JSON' };
    }
  }
  return { error: `type "${type}" is not supported (use String, Boolean, Integer, Long, Double, Date, Json or Null)` };
}
