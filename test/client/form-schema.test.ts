// The modeler's form editor: camunda:formData fields ↔ form-js schema, so what the analyst designs is what the server validates.
import { fromFormJs, toFormJs, unsupportedKeys, type FormJsSchema } from '../../client/src/modeler/form/form-schema';
import type { FormField } from '../../src/engine/definition-model';

const fields: FormField[] = [
  { id: 'diagnosis', label: 'Diagnosis', type: 'string', required: false, readonly: true },
  { id: 'amount', label: 'Amount (CNY)', type: 'decimal', required: true, min: 0, max: 100000 },
  { id: 'visits', label: 'Visits', type: 'long', required: false },
  { id: 'paid', label: 'Paid', type: 'boolean', required: false },
  { id: 'visitAt', label: 'Visit at', type: 'date', required: false },
  { id: 'delay', label: 'Delay', type: 'duration', required: false, labels: { 'zh-CN': '等待时长' } },
  { id: 'method', label: 'Method', type: 'enum', required: true, labels: { 'zh-CN': '付款方式' }, options: [{ id: 'cash', name: 'Cash', names: { 'zh-CN': '现金' } }] },
  { id: 'phone', label: 'Phone', type: 'string', required: false, pattern: '[0-9]+', maxlength: 20 },
];

describe('form schema conversion', () => {
  it('round-trips every field type through the form-js schema', () => {
    expect(fromFormJs(toFormJs(fields, 'Task_Fees'))).toEqual(fields);
  });

  it('reads what the form-js editor adds: a decimal number, a read-only text field, layout without a key', () => {
    // given a schema as the editor saves it
    const schema: FormJsSchema = {
      type: 'default', id: 'Form_1', schemaVersion: 16,
      components: [
        { type: 'text', id: 'Text_1' },
        { type: 'number', id: 'Field_a', key: 'amount', label: 'Amount', decimalDigits: 2, validate: { required: true } },
        { type: 'textfield', id: 'Field_b', key: 'estimate', label: 'Estimate', readonly: true },
      ],
    };
    // then
    expect(fromFormJs(schema)).toEqual([
      { id: 'amount', label: 'Amount', type: 'decimal', required: true },
      { id: 'estimate', label: 'Estimate', type: 'string', required: false, readonly: true },
    ]);
    expect(unsupportedKeys(schema)).toEqual([]);
  });

  it('names the components that hold a value the engine cannot validate', () => {
    const schema: FormJsSchema = { type: 'default', id: 'Form_2', schemaVersion: 16, components: [{ type: 'taglist', key: 'tags' }, { type: 'textfield', key: 'ok' }] };
    expect(unsupportedKeys(schema)).toEqual(['tags']);
  });
});
