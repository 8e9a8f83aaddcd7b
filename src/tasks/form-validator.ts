// Validates submitted variables against a form (types, required, options, limits) and coerces form-encoded values.
import { parseDuration } from '@0dep/piso';
import type { FormField } from '../engine/definition-model';
import type { Language } from '../common/request-language';
import { formMessage, labelIn, type MessageKey } from './form-messages';

export interface FieldError {
  field: string;
  message: string;
}

export interface FormCheck {
  values: Record<string, unknown>;
  errors: FieldError[];
}

type Problem = { error: MessageKey; params?: Record<string, string | number> };

/** With `allowExtra` unknown keys pass through untouched (start variables); otherwise they are errors (task forms). Messages in `language`. */
export function validateForm(fields: FormField[], input: Record<string, unknown>, allowExtra = false, language: Language = 'en'): FormCheck {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(input)) {
    if (known.has(key)) continue;
    if (allowExtra) values[key] = input[key];
    else errors.push({ field: key, message: formMessage(language, 'notAField', { key, fields: [...known].join(', ') || 'none' }) });
  }
  for (const field of fields) {
    if (field.readonly) continue; // shows an earlier variable: a submission never changes it
    const raw = input[field.id];
    if (raw === undefined || raw === null || raw === '') {
      if (field.required) errors.push({ field: field.id, message: formMessage(language, 'required', { label: labelIn(field, language) }) });
      continue;
    }
    const result = coerce(field, raw);
    if (isProblem(result)) errors.push({ field: field.id, message: formMessage(language, 'fieldError', { label: labelIn(field, language), error: formMessage(language, result.error, result.params) }) });
    else values[field.id] = result;
  }
  return { values, errors };
}

function isProblem(result: unknown): result is Problem {
  return typeof result === 'object' && result !== null && 'error' in result && Object.keys(result).every((k) => k === 'error' || k === 'params');
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
      return { error: 'boolean' };
    case 'date': {
      const time = typeof raw === 'string' ? Date.parse(raw) : NaN;
      return Number.isNaN(time) ? { error: 'date' } : new Date(time).toISOString();
    }
    case 'enum': {
      const ids = (field.options ?? []).map((o) => o.id);
      return typeof raw === 'string' && ids.includes(raw) ? raw : { error: 'oneOf', params: { options: ids.join(', ') } };
    }
    default:
      return { error: 'type', params: { type: String(field.type) } };
  }
}

function checkString(field: FormField, raw: unknown): unknown {
  if (typeof raw !== 'string') return { error: 'text' };
  if (field.minlength !== undefined && raw.length < field.minlength) return { error: 'minlength', params: { n: field.minlength } };
  if (field.maxlength !== undefined && raw.length > field.maxlength) return { error: 'maxlength', params: { n: field.maxlength } };
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(raw)) return { error: 'pattern' };
  return raw;
}

function checkLong(field: FormField, raw: unknown): unknown {
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) return { error: 'whole' };
  if (field.min !== undefined && n < field.min) return { error: 'min', params: { n: field.min } };
  if (field.max !== undefined && n > field.max) return { error: 'max', params: { n: field.max } };
  return n;
}

/** Money and measures: a JSON number or a dot-decimal text, at most two decimals (yuan and fen). */
function checkDecimal(field: FormField, raw: unknown): unknown {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(Number(text))) return { error: 'decimal' };
  if ((text.split('.')[1] ?? '').length > 2) return { error: 'decimals' };
  const n = Number(text);
  if (field.min !== undefined && n < field.min) return { error: 'min', params: { n: field.min } };
  if (field.max !== undefined && n > field.max) return { error: 'max', params: { n: field.max } };
  return n;
}

/** An ISO 8601 duration (PT2M, P1DT4H) parsed by the same library the engine's timers use, so it cannot fail later. */
function checkDuration(raw: unknown): unknown {
  const error: Problem = { error: 'duration' };
  if (typeof raw !== 'string' || !/^P/.test(raw.trim())) return error;
  try {
    parseDuration(raw.trim());
    return raw.trim();
  } catch {
    return error;
  }
}
