// Unit specs of form validation and coercion.
import type { FormField } from '../engine/definition-model';
import { validateForm } from './form-validator';

const form: FormField[] = [
  { id: 'priority', label: 'Priority', type: 'enum', required: true, options: [{ id: 'P1', name: 'urgent' }, { id: 'P2', name: 'high' }] },
  { id: 'cost', label: 'Cost', type: 'long', required: false, min: 0, max: 10000 },
  { id: 'fixed', label: 'Fixed', type: 'boolean', required: true },
  { id: 'at', label: 'Visit at', type: 'date', required: false },
  { id: 'notes', label: 'Notes', type: 'string', required: false, maxlength: 5 },
];

describe('validateForm', () => {
  it('accepts valid values and coerces form-encoded ones', () => {
    const { values, errors } = validateForm(form, { priority: 'P2', cost: '120', fixed: 'true', at: '2026-03-01T09:30:00+08:00' });
    expect(errors).toEqual([]);
    expect(values).toEqual({ priority: 'P2', cost: 120, fixed: true, at: '2026-03-01T01:30:00.000Z' });
  });

  it('reports every problem with its field', () => {
    const { errors } = validateForm(form, { priority: 'P9', cost: 1.5, at: 'tomorrow', notes: 'too long', extra: 1 });
    expect(Object.fromEntries(errors.map((e) => [e.field, e.message]))).toEqual({
      extra: expect.stringContaining('not a field of this form'),
      priority: 'Priority: must be one of P1, P2',
      cost: 'Cost: must be a whole number',
      fixed: 'Fixed is required',
      at: expect.stringContaining('ISO 8601'),
      notes: 'Notes: must have at most 5 characters',
    });
  });

  it('checks number limits', () => {
    expect(validateForm(form, { priority: 'P1', fixed: false, cost: -1 }).errors[0].message).toBe('Cost: must be at least 0');
    expect(validateForm(form, { priority: 'P1', fixed: false, cost: 10001 }).errors[0].message).toBe('Cost: must be at most 10000');
  });

  it('lets extra variables through when asked (start variables)', () => {
    expect(validateForm(form, { priority: 'P1', fixed: false, ticketRef: 'CRM-9' }, true).values).toMatchObject({ ticketRef: 'CRM-9' });
  });
});
