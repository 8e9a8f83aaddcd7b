// Unit specs of the decimal, duration, pattern and read-only form fields (values that must still work later).
import type { FormField } from '../engine/definition-model';
import { validateForm } from './form-validator';

const form: FormField[] = [
  { id: 'estimate', label: 'Estimate (CNY)', type: 'decimal', required: true, min: 0, max: 100000 },
  { id: 'followUpDelay', label: 'Follow-up delay', type: 'duration', required: false },
  { id: 'phone', label: 'Phone', type: 'string', required: false, pattern: '\\+?[0-9 -]{6,20}' },
  { id: 'diagnosis', label: 'Diagnosis', type: 'string', required: true, readonly: true },
];

describe('validateForm: decimals, durations, patterns, read-only fields', () => {
  it('accepts a currency amount with cents and an ISO 8601 duration', () => {
    // given a decimal amount typed in a form and a duration picked in the duration control
    const { values, errors } = validateForm(form, { estimate: '350.50', followUpDelay: 'PT2M', phone: '+86 138 0000 0000' });
    // then both are kept, the amount as a number
    expect(errors).toEqual([]);
    expect(values).toEqual({ estimate: 350.5, followUpDelay: 'PT2M', phone: '+86 138 0000 0000' });
  });

  it('refuses a duration a timer cannot evaluate later, beside its field', () => {
    const { errors } = validateForm(form, { estimate: 1, followUpDelay: '2 minutes' });
    expect(errors).toEqual([{ field: 'followUpDelay', message: expect.stringContaining('ISO 8601 duration') }]);
    expect(validateForm(form, { estimate: 1, followUpDelay: 'R3/PT1H' }).errors[0]?.field).toBe('followUpDelay');
  });

  it('refuses amounts that are not numbers, have more than two decimals or break the range', () => {
    const messages = (estimate: unknown) => validateForm(form, { estimate }).errors.map((e) => e.message);
    expect(messages('350,50')).toEqual(['Estimate (CNY): must be a number, e.g. 350.50']);
    expect(messages('1.234')).toEqual(['Estimate (CNY): must have at most 2 decimals']);
    expect(messages(-1)).toEqual(['Estimate (CNY): must be at least 0']);
    expect(messages(true)).toEqual(['Estimate (CNY): must be a number, e.g. 350.50']);
  });

  it('checks a pattern on the whole text', () => {
    expect(validateForm(form, { estimate: 1, phone: 'call me' }).errors).toEqual([{ field: 'phone', message: 'Phone: does not have the expected format' }]);
  });

  it('never takes a read-only field from a submission (it shows an earlier variable)', () => {
    const { values, errors } = validateForm(form, { estimate: 1, diagnosis: 'changed by the worker' });
    expect(errors).toEqual([]);
    expect(values).toEqual({ estimate: 1 });
  });
});
