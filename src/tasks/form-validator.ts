// Validates submitted variables against a form (types, required, options, limits) and coerces form-encoded values.
import { parseDuration } from '@0dep/piso';
import type { FormField } from '../engine/definition-model';

export interface FieldError {
  field: string;
  message: string;
}

export interface FormCheck {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** With `allowExtra` unknown keys pass through untouched (start variables); otherwise they are errors (task forms). */
export function validateForm(fields: FormField[], input: Record<string, unknown>, allowExtra = false): FormCheck {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(input)) {
    if (known.has(key)) continue;
    if (allowExtra) values[key] = input[key];
    else errors.push({ field: key, message: `"${key}" is not a field of this form (fields: ${[...known].join(', ') || 'none'})` });
  }
  for (const field of fields) {
    if (field.readonly) continue; // shows an earlier variable: a submission never changes it
    const raw = input[field.id];
    if (raw === undefined || raw === null || raw === '') {
      if (field.required) errors.push({ field: field.id, message: `${field.label} is required` });
      continue;
    }
    const result = coerce(field, raw);
    if (typeof result === 'object' && result && 'error' in result) errors.push({ field: field.id, message: `${field.label}: ${result.error}` });
    else values[field.id] = result;
  }
  return { values, errors };
}

function coerce(field: FormField, raw: unknown): unknown {
  switch (field.type) {
    case 'string':
      return checkString(field, raw);
    case 'long':
      return checkLong(field, raw);
    case 'decimal':
      return checkDecimal(field, raw);
    case 'duration':
      return checkDuration(raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return { error: 'must be true or false' };
    case 'date': {
      const time = typeof raw === 'string' ? Date.parse(raw) : NaN;
      return Number.isNaN(time) ? { error: 'must be an ISO 8601 date, e.g. 2026-03-01T09:30:00+08:00' } : new Date(time).toISOString();
    }
    case 'enum': {
      const ids = (field.options ?? []).map((o) => o.id);
      return typeof raw === 'string' && ids.includes(raw) ? raw : { error: `must be one of ${ids.join(', ')}` };
    }
    default:
      return { error: `unsupported field type ${String(field.type)}` };
  }
}

function checkString(field: FormField, raw: unknown): unknown {
  if (typeof raw !== 'string') return { error: 'must be text' };
  if (field.minlength !== undefined && raw.length < field.minlength) return { error: `must have at least ${field.minlength} characters` };
  if (field.maxlength !== undefined && raw.length > field.maxlength) return { error: `must have at most ${field.maxlength} characters` };
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(raw)) return { error: 'does not have the expected format' };
  return raw;
}

function checkLong(field: FormField, raw: unknown): unknown {
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) return { error: 'must be a whole number' };
  if (field.min !== undefined && n < field.min) return { error: `must be at least ${field.min}` };
  if (field.max !== undefined && n > field.max) return { error: `must be at most ${field.max}` };
  return n;
}

/** Money and measures: a JSON number or a dot-decimal text, at most two decimals (yuan and fen). */
function checkDecimal(field: FormField, raw: unknown): unknown {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) return { error: 'must be a number, e.g. 350.50' };
  if ((text.split('.')[1] ?? '').length > 2) return { error: 'must have at most 2 decimals' };
  const n = Number(text);
  if (field.min !== undefined && n < field.min) return { error: `must be at least ${field.min}` };
  if (field.max !== undefined && n > field.max) return { error: `must be at most ${field.max}` };
  return n;
}

/** An ISO 8601 duration (PT2M, P1DT4H) parsed by the same library the engine's timers use, so it cannot fail later. */
function checkDuration(raw: unknown): unknown {
  const error = { error: 'must be an ISO 8601 duration such as PT2M or P1DT4H' };
  if (typeof raw !== 'string' || !/^P/.test(raw.trim())) return error;
  try {
    parseDuration(raw.trim());
    return raw.trim();
  } catch {
    return error;
  }
}
